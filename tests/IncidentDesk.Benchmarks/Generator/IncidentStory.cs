using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;

namespace IncidentDesk.Benchmarks.Generator;

/// <summary>A co-op of the seeded directory, as the generator needs it.</summary>
internal sealed record DirectoryCoop(int Id, string Code, string Uf, string FederationCode);

/// <summary>
/// Writes one incident's life: the record, the co-ops involved, its key figures, its walk through the workflow up to its
/// status, possibly a campaign, and the facts and actions people wrote down. Old incidents are mostly closed; the last
/// weeks' are still being worked on.
/// </summary>
internal sealed class IncidentStory(HistoryWriter writer, Random random, IReadOnlyList<DirectoryCoop> coops, CampaignStory campaigns, DateTime untilUtc)
{
    private const string Officer = "Ana Encarregada";
    private static readonly IncidentStatus[] Walk =
        [IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Contained, IncidentStatus.Notifying, IncidentStatus.Closed];

    /// <summary>Writes the incident and returns how many timeline events it got.</summary>
    public int Write(string reference, DateTime reportedUtc, int eventTarget, bool forceCampaign)
    {
        var id = writer.NextId(writer.Incidents);
        var ageDays = (untilUtc - reportedUtc).TotalDays;
        var status = StatusFor(ageDays);
        var severity = random.Pick((IncidentSeverity.Low, 35), (IncidentSeverity.Medium, 35), (IncidentSeverity.High, 22), (IncidentSeverity.Critical, 8));
        var endUtc = status is IncidentStatus.Closed or IncidentStatus.Dismissed
            ? Min(reportedUtc.AddDays(10 + (random.NextDouble() * 110)), untilUtc)
            : untilUtc;
        var kind = HistoryTexts.Kinds[random.Next(HistoryTexts.Kinds.Length)];
        var system = HistoryTexts.Systems[random.Next(HistoryTexts.Systems.Length)];
        var discovered = reportedUtc.AddHours(-random.Next(0, 240));
        var knowledge = reportedUtc.AddHours(random.Next(0, 72));
        var categories = DataCategories.Identification | (DataCategories)(random.Next(0, 64) << 1);
        writer.Incidents.Row(id, reference, string.Format(System.Globalization.CultureInfo.InvariantCulture, kind.Title, system),
            string.Format(System.Globalization.CultureInfo.InvariantCulture, kind.Summary, system), status, severity, (ReportSource)random.Next(0, 7),
            HistoryTexts.Reporters[random.Next(HistoryTexts.Reporters.Length)], null, null, reportedUtc, discovered,
            (TimePrecision)random.Next(0, 3), knowledge, system, categories, (DataSubjectCategories)random.Next(1, 8),
            ageDays < 20 && random.Next(4) == 0 ? IncidentType.Unknown : kind.Type, (CiaImpact)random.Next(1, 16),
            random.Next(3) == 0 ? null : "Firewall de borda, autenticação em dois fatores para administradores e backups diários.",
            reportedUtc, endUtc);
        var events = 1;
        writer.Automatic(id, TimelineEventKind.Record, reportedUtc, "Incidente registrado", $"Referência {reference}.", Officer);

        var involved = WriteInvolvements(id, knowledge, endUtc, status, ref events);
        events += WriteFigures(id, reportedUtc, endUtc, ageDays);
        events += WriteStatusWalk(id, reportedUtc, endUtc, status);
        events += campaigns.Write(id, severity, involved, random.Between(reportedUtc.AddDays(1), endUtc), endUtc, forceCampaign);

        var manual = Math.Max(3, eventTarget - events);
        for (var n = 0; n < manual; n++)
        {
            WriteManualEvent(id, discovered, endUtc);
        }

        return events + manual;
    }

    private IncidentStatus StatusFor(double ageDays) => ageDays switch
    {
        > 90 => random.Pick((IncidentStatus.Closed, 88), (IncidentStatus.Dismissed, 12)),
        > 30 => random.Pick((IncidentStatus.Closed, 40), (IncidentStatus.Notifying, 20), (IncidentStatus.Contained, 20), (IncidentStatus.Investigating, 20)),
        _ => random.Pick((IncidentStatus.Reported, 25), (IncidentStatus.Triage, 25), (IncidentStatus.Investigating, 30), (IncidentStatus.Contained, 20)),
    };

    private List<DirectoryCoop> WriteInvolvements(int incidentId, DateTime knowledge, DateTime endUtc, IncidentStatus status, ref int events)
    {
        // Most incidents touch a few co-ops; a shared system can touch fifteen.
        var count = Math.Min(15, 1 + (int)(-Math.Log(1 - random.NextDouble()) * 3));
        var involved = new List<DirectoryCoop>(count);
        var open = status is not (IncidentStatus.Closed or IncidentStatus.Dismissed);
        while (involved.Count < count)
        {
            var coop = coops[random.Next(coops.Count)];
            if (involved.Contains(coop))
            {
                continue;
            }

            var role = involved.Count == 0 ? InvolvementRole.ControllerAffected
                : random.Pick((InvolvementRole.ControllerAffected, 55), (InvolvementRole.Operator, 20), (InvolvementRole.NotAffected, 15),
                    (open ? InvolvementRole.UnderAssessment : InvolvementRole.NotAffected, 10));
            var at = Min(knowledge.AddHours(random.Next(0, 120)), endUtc);
            writer.Involvements.Row(writer.NextId(writer.Involvements), incidentId, coop.Id, role, at,
                random.Next(4) == 0 ? "Confirmado pelo encarregado da cooperativa." : null,
                role == InvolvementRole.ControllerAffected && random.Next(10) == 0 ? "Aguardando laudo da perícia para dimensionar os titulares." : null);
            writer.Automatic(incidentId, TimelineEventKind.Involvement, at, $"{coop.Code} adicionada ao incidente ({HistoryTexts.RoleWord(role)})", null, Officer);
            involved.Add(coop);
            events++;
        }

        return involved;
    }

    private int WriteFigures(int incidentId, DateTime reportedUtc, DateTime endUtc, double ageDays)
    {
        var count = random.Next(1, 5);
        var first = random.Next(HistoryTexts.Figures.Length);
        for (var n = 0; n < count; n++)
        {
            var (label, unit) = HistoryTexts.Figures[(first + n) % HistoryTexts.Figures.Length];
            var value = (decimal)Math.Round(Math.Pow(10, 1 + (random.NextDouble() * 5)));
            var status = ageDays > 90
                ? random.Pick((FigureStatus.Confirmed, 60), (FigureStatus.Estimated, 20), (FigureStatus.Disputed, 10), (FigureStatus.Claimed, 10))
                : random.Pick((FigureStatus.Claimed, 40), (FigureStatus.Estimated, 35), (FigureStatus.Confirmed, 15), (FigureStatus.Disputed, 10));
            var at = random.Between(reportedUtc, endUtc);
            writer.KeyFigures.Row(writer.NextId(writer.KeyFigures), incidentId, label, value, unit, status,
                HistoryTexts.FigureSources[random.Next(HistoryTexts.FigureSources.Length)], DateOnly.FromDateTime(at),
                status == FigureStatus.Disputed ? "A cooperativa contesta o número do pesquisador." : null, n);
            writer.Automatic(incidentId, TimelineEventKind.Figure, at, $"Número registrado: {label}",
                $"{value:0} {unit}", Officer);
        }

        return count;
    }

    private int WriteStatusWalk(int incidentId, DateTime reportedUtc, DateTime endUtc, IncidentStatus status)
    {
        List<IncidentStatus> path = status == IncidentStatus.Dismissed
            ? [IncidentStatus.Triage, IncidentStatus.Dismissed]
            : [.. Walk.TakeWhile(s => s <= status)];
        var from = IncidentStatus.Reported;
        var step = (endUtc - reportedUtc) / (path.Count + 1);
        for (var n = 0; n < path.Count; n++)
        {
            var at = reportedUtc + (step * (n + 1));
            writer.Automatic(incidentId, TimelineEventKind.Status, at,
                $"Situação alterada: {HistoryTexts.StatusWord(from)} → {HistoryTexts.StatusWord(path[n])}", null, Officer);
            from = path[n];
        }

        return path.Count;
    }

    private void WriteManualEvent(int incidentId, DateTime fromUtc, DateTime endUtc)
    {
        var fact = random.Next(3) != 0;
        var title = fact ? HistoryTexts.Facts[random.Next(HistoryTexts.Facts.Length)] : HistoryTexts.Actions[random.Next(HistoryTexts.Actions.Length)];
        var occurred = random.Between(fromUtc, endUtc);
        var recorded = Min(occurred.AddMinutes(random.Next(5, 600)), endUtc > occurred ? endUtc : occurred);
        var precision = random.Next(10) == 0 ? TimePrecision.Day : TimePrecision.Exact;
        writer.Manual(incidentId, fact ? TimelineEventKind.Fact : TimelineEventKind.Action, occurred, precision, title,
            random.Next(2) == 0 ? null : "Registrado a partir da conversa com a equipe técnica da cooperativa.",
            fact ? "Equipe de resposta" : "Encarregado da federação", random.Next(10) < 3, recorded, Officer,
            random.Next(20) == 0 ? recorded.AddHours(2) : null);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
