namespace IncidentDesk.Core.Exposure;

/// <summary>
/// One check of one endpoint: when, how long, what it found. Of an exposed broker only the number of topics and their
/// names are kept — never a message: the desk asks for metadata and nothing else.
/// </summary>
public sealed class ExposureCheck
{
    public const int MaxStoredTopicNames = 500;
    public const int MaxTopicNamesLength = 64_000;

    public int Id { get; set; }
    public int EndpointId { get; set; }

    /// <summary>The endpoint's co-op, kept on the check so the co-op scope reads and guards it directly.</summary>
    public int CoopId { get; set; }

    public int? RunId { get; set; }
    public DateTime CheckedAtUtc { get; set; }
    public int DurationMs { get; set; }
    public ExposureOutcome Outcome { get; set; }
    public CheckDetail Detail { get; set; }

    /// <summary>The address actually contacted (after the name was resolved and every address it gave was vetted).</summary>
    public string? ContactedAddress { get; set; }

    public int? TopicCount { get; set; }

    /// <summary>The listed topic names, one per line, at most <see cref="MaxStoredTopicNames"/>.</summary>
    public string? TopicNames { get; set; }

    public IReadOnlyList<string> TopicNameList =>
        string.IsNullOrEmpty(TopicNames) ? [] : TopicNames.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The names as stored: sorted, at most <see cref="MaxStoredTopicNames"/> and <see cref="MaxTopicNamesLength"/> characters.</summary>
    public static string? JoinTopicNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var text = new System.Text.StringBuilder();
        foreach (var name in names.Order(StringComparer.Ordinal).Take(MaxStoredTopicNames))
        {
            var clean = new string([.. name.Where(c => !char.IsControl(c))]);
            if (text.Length + clean.Length + 1 > MaxTopicNamesLength)
            {
                break;
            }

            text.Append(text.Length == 0 ? "" : "\n").Append(clean);
        }

        return text.Length == 0 ? null : text.ToString();
    }
}

/// <summary>
/// An exposed endpoint turned into work: the co-op's task on the exposure-watch campaign. While its task is neither done
/// nor "not applicable" the finding is open, and a new exposed check of the endpoint opens no second task.
/// </summary>
public sealed class ExposureFinding
{
    public int Id { get; set; }
    public int EndpointId { get; set; }
    public int CoopId { get; set; }
    public int CampaignId { get; set; }
    public int CoopTaskId { get; set; }
    public int OpenedByCheckId { get; set; }
    public DateTime OpenedAtUtc { get; set; }
    public int TopicCount { get; set; }
}
