using System.Globalization;

namespace IncidentDesk.Core.Campaigns;

/// <summary>What a task asks the co-op to answer besides its status.</summary>
public enum TaskAnswerType
{
    StatusOnly = 0,
    YesNo = 1,
    Number = 2,
    Text = 3,
}

/// <summary>Why a status update was refused; the UI and the API word each code.</summary>
public enum TaskUpdateRefusal
{
    UnknownStatus,
    Unchanged,
    ReasonRequired,
    AnswerRequired,
    AnswerInvalid,
    EvidenceRequired,
    JustificationRequired,
    TooLong,

    /// <summary>A task about an exposed broker: the latest check still finds it open, so it cannot be done yet.</summary>
    StillExposed,
}

/// <summary>What a task requires of an answer, taken from its playbook step.</summary>
public sealed record TaskRequirements(TaskAnswerType AnswerType, bool EvidenceRequired);

/// <summary>A liaison's update of one task: the new status, the note that goes with it and the answer.</summary>
public sealed record TaskUpdate(CoopTaskStatus Status, string? Note, string? Answer, bool HasEvidence);

/// <summary>
/// The rules of a task's status: Blocked needs a reason, Not applicable a justification, Done the answer its type asks
/// for (and evidence when the task requires it). Any status may follow any other — co-ops reopen work — but a no-op
/// update is refused so the history stays meaningful. Cancelled is terminal and set only by cancelling the campaign.
/// </summary>
public static class TaskStatusRules
{
    public const int MaxNote = 4000;
    public const int MaxAnswer = 8000;

    public static TaskUpdateRefusal? Check(CoopTaskStatus current, TaskUpdate update, TaskRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(requirements);
        // Cancelled is what cancelling a campaign does to its unanswered tasks, never an answer someone gives.
        if (!Enum.IsDefined(update.Status) || update.Status == CoopTaskStatus.Cancelled)
        {
            return TaskUpdateRefusal.UnknownStatus;
        }

        var note = update.Note?.Trim() ?? "";
        var answer = update.Answer?.Trim() ?? "";
        if (note.Length > MaxNote || answer.Length > MaxAnswer)
        {
            return TaskUpdateRefusal.TooLong;
        }

        if (update.Status == current && note.Length == 0 && answer.Length == 0)
        {
            return TaskUpdateRefusal.Unchanged;
        }

        return update.Status switch
        {
            CoopTaskStatus.Blocked when note.Length == 0 => TaskUpdateRefusal.ReasonRequired,
            CoopTaskStatus.NotApplicable when note.Length == 0 => TaskUpdateRefusal.JustificationRequired,
            CoopTaskStatus.Done => CheckDone(answer, update.HasEvidence, requirements),
            _ => null,
        };
    }

    /// <summary>The answer as stored: yes/no normalised to "sim"/"não", numbers in invariant form; null when not valid.</summary>
    public static string? Normalise(TaskAnswerType type, string? answer)
    {
        var text = answer?.Trim() ?? "";
        return type switch
        {
            TaskAnswerType.StatusOnly => text.Length == 0 ? null : text,
            TaskAnswerType.YesNo => text.ToUpperInvariant() switch
            {
                "SIM" or "S" or "YES" or "Y" or "TRUE" => "sim",
                "NÃO" or "NAO" or "N" or "NO" or "FALSE" => "não",
                _ => null,
            },
            TaskAnswerType.Number => ParseNumber(text)?.ToString(CultureInfo.InvariantCulture),
            TaskAnswerType.Text => text.Length == 0 ? null : text,
            _ => null,
        };
    }

    private static TaskUpdateRefusal? CheckDone(string answer, bool hasEvidence, TaskRequirements requirements)
    {
        if (requirements.AnswerType != TaskAnswerType.StatusOnly)
        {
            if (answer.Length == 0)
            {
                return TaskUpdateRefusal.AnswerRequired;
            }

            if (Normalise(requirements.AnswerType, answer) is null)
            {
                return TaskUpdateRefusal.AnswerInvalid;
            }
        }

        return requirements.EvidenceRequired && !hasEvidence ? TaskUpdateRefusal.EvidenceRequired : null;
    }

    // Liaisons type numbers the Brazilian way ("14.000", "1.234,5") or plainly ("14000", "1234.5").
    private static decimal? ParseNumber(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var ptBr = CultureInfo.GetCultureInfo("pt-BR");
        if (text.Contains(',', StringComparison.Ordinal) || IsThousandsGrouped(text))
        {
            return decimal.TryParse(text, NumberStyles.Number, ptBr, out var br) ? br : null;
        }

        return decimal.TryParse(text, NumberStyles.Number & ~NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var plain)
            ? plain
            : null;
    }

    // "14.000" and "1.234.567" are pt-BR thousands; "14.5" is a decimal point.
    private static bool IsThousandsGrouped(string text)
    {
        var parts = text.TrimStart('-').Split('.');
        return parts.Length > 1 && parts.Skip(1).All(p => p.Length == 3 && p.All(char.IsAsciiDigit));
    }
}
