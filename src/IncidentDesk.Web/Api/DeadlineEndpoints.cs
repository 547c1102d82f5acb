using System.Globalization;
using System.Text.RegularExpressions;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace IncidentDesk.Web.Api;

/// <summary>
/// One LGPD deadline as the API gives it: Brasília calendar days, the instant each ends (midnight Brasília, with the
/// -03:00 offset), the articles applied and their wording, and the countdown to the working date seen from now.
/// </summary>
public sealed record ApiDeadline(
    DeadlineKind Kind, int BusinessDays, DateOnly Start, DateOnly Working, DateOnly LatestDefensible,
    DateTimeOffset WorkingEndsAt, DateTimeOffset LatestDefensibleEndsAt, string Rule, string RuleText,
    DeadlineUrgency Urgency, int BusinessDaysLeft, double HoursLeft);

public sealed record DeadlineSet(DateTimeOffset KnowledgeAt, bool SmallAgent, IReadOnlyList<ApiDeadline> Deadlines);

public sealed record CoopDeadlineSet(
    int CoopId, string Code, string Name, bool SmallAgent, DateTimeOffset KnowledgeAt, DateTimeOffset? CommunicationFiledAt,
    IReadOnlyList<ApiDeadline> Deadlines);

/// <summary>The deadline engine for co-ops' own tools: by knowledge instant, and per controller co-op of an incident.</summary>
internal static partial class DeadlineEndpoints
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static void MapDeadlineEndpoints(this RouteGroupBuilder api)
    {
        var deadlines = api.MapApiArea("Deadlines",
            "LGPD deadlines (ANPD and data subjects), for a knowledge instant or per controller co-op of an incident, in Brasília days.");
        deadlines.MapGet(ApiRoutes.Deadlines, Compute).WithName("Api.Deadlines")
            .WithSummary("LGPD deadlines for a knowledge instant")
            .WithDescription("knowledgeAt is ISO 8601 with an offset (e.g. 2025-04-16T10:00:00-03:00); its Brasília day is day zero. "
                + "smallAgent=true doubles the ANPD and subject deadlines (R15 art. 6 §8, art. 9 §6). Each deadline has the working "
                + "date (weekends and national holidays skipped) and the latest defensible date (also optional days and configured "
                + "closures), both Brasília days, ending at midnight Brasília time. 400 when knowledgeAt is missing, invalid or has no offset.");
        deadlines.MapGet(ApiRoutes.IncidentDeadlines, ForIncidentAsync).WithName("Api.IncidentDeadlines")
            .WithSummary("An incident's deadlines per controller co-op")
            .WithDescription("One clock per co-op involved as affected controller, from its own knowledge time; a liaison gets only "
                + "their own co-op's. The complementary-information deadline appears once the communication is recorded as filed. "
                + "404 when the incident is not visible.");
    }

    private static Results<Ok<DeadlineSet>, ValidationProblem> Compute(
        string? knowledgeAt, string? smallAgent, DeadlineService service, IStringLocalizer<ComplianceResource> texts,
        IStringLocalizer<ApiResource> api)
    {
        List<(string JsonField, string Code, string Message)> errors = [];
        var knowledge = ParseKnowledge(knowledgeAt, texts, errors);
        var small = false;
        if (!string.IsNullOrWhiteSpace(smallAgent) && !bool.TryParse(smallAgent, out small))
        {
            errors.Add(("smallAgent", "Invalid", texts["Api.Error.SmallAgent"]));
        }

        if (errors.Count > 0 || knowledge is not { } at)
        {
            return ResultHttp.Validation(api, errors);
        }

        var list = service.Compute(at.UtcDateTime, small).Select(d => ToApi(d, small, texts)).ToList();
        return TypedResults.Ok(new DeadlineSet(at, small, list));
    }

    private static async Task<Results<Ok<IReadOnlyList<CoopDeadlineSet>>, NotFound>> ForIncidentAsync(
        int id, DeadlineService service, IStringLocalizer<ComplianceResource> texts, CancellationToken cancellationToken)
    {
        if (await service.ForIncidentAsync(id, cancellationToken) is not { } coops)
        {
            return TypedResults.NotFound();
        }

        IReadOnlyList<CoopDeadlineSet> sets = [.. coops.Select(c => new CoopDeadlineSet(c.CoopId, c.Code, c.Name, c.SmallAgent,
            Brasilia(c.KnowledgeAtUtc), c.CommunicationFiledAtUtc is { } filed ? Brasilia(filed) : null,
            [.. c.Deadlines.Select(d => ToApi(d, c.SmallAgent, texts))]))];
        return TypedResults.Ok(sets);
    }

    /// <summary>
    /// The knowledge instant, insisting on an explicit offset: "2025-04-16T23:30" is Wednesday in Brasília but Thursday in
    /// UTC, and the Brasília day decides the whole count (R1 art. 8), so the API never guesses the zone.
    /// </summary>
    private static DateTimeOffset? ParseKnowledge(string? value, IStringLocalizer<ComplianceResource> texts, List<(string JsonField, string Code, string Message)> errors)
    {
        const string Field = "knowledgeAt";
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add((Field, "Required", texts["Api.Error.Required"]));
            return null;
        }

        var match = IsoDateTime().Match(value.Trim());
        if (!match.Success || !DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            errors.Add((Field, "Invalid", texts["Api.Error.Invalid"]));
            return null;
        }

        if (!match.Groups["offset"].Success)
        {
            errors.Add((Field, "OffsetRequired", texts["Api.Error.OffsetRequired"]));
            return null;
        }

        if (parsed.UtcDateTime.Year is < MinYear or > MaxYear)
        {
            errors.Add((Field, "OutOfRange", texts["Api.Error.OutOfRange", MinYear, MaxYear]));
            return null;
        }

        return parsed;
    }

    private static ApiDeadline ToApi(DeadlineView d, bool smallAgent, IStringLocalizer<ComplianceResource> texts) =>
        new(d.Kind, d.BusinessDays, d.Start, d.Working, d.LatestDefensible, Brasilia(d.WorkingEndsAtUtc),
            Brasilia(d.LatestDefensibleEndsAtUtc), d.Rule, texts[RuleKey(d.Kind, smallAgent)], d.Countdown.Urgency,
            d.Countdown.BusinessDaysLeft, Math.Round(d.Countdown.HoursLeft, 2));

    /// <summary>The resource key of a deadline's rule wording (the article labels live in resources: the authority renames).</summary>
    public static string RuleKey(DeadlineKind kind, bool smallAgent) => smallAgent ? $"Rule.{kind}.Small" : $"Rule.{kind}";

    private static DateTimeOffset Brasilia(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(PartialDate.BrasiliaOffset);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();
}
