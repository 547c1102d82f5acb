namespace IncidentDesk.Core.Compliance.Drafts;

/// <summary>Where in the incident a missing item is filled; the UI turns it into a link to that tab.</summary>
public static class DraftTargets
{
    public const string Overview = "overview";
    public const string Coops = "coops";
    public const string Figures = "figures";
    public const string Timeline = "timeline";
    public const string Tasks = "tasks";
    public const string Notifications = "notifications";
}

/// <summary>Stable codes of what a draft lacks (the UI words them; tests and links rely on them never changing).</summary>
public static class MissingCodes
{
    public const string DescriptionMissing = "DescriptionMissing";
    public const string KnowledgeTimeMissing = "KnowledgeTimeMissing";
    public const string ControllerIdentityIncomplete = "ControllerIdentityIncomplete";
    public const string DpoContactMissing = "DpoContactMissing";
    public const string DataCategoriesUnknown = "DataCategoriesUnknown";
    public const string SubjectCategoriesUnknown = "SubjectCategoriesUnknown";
    public const string SubjectCountUnknown = "SubjectCountUnknown";
    public const string ProcessingTotalUnknown = "ProcessingTotalUnknown";
    public const string NoMeasuresRecorded = "NoMeasuresRecorded";
    public const string PriorMeasuresUnknown = "PriorMeasuresUnknown";
    public const string IncidentTypeUnknown = "IncidentTypeUnknown";
    public const string CiaImpactUnknown = "CiaImpactUnknown";
    public const string DelayReasonsMissing = "DelayReasonsMissing";
    public const string RelevanceNotAssessed = "RelevanceNotAssessed";
}

/// <summary>One thing a draft needs and the incident does not have yet; <see cref="Rule"/> says which law item asks for it.</summary>
public sealed record MissingItem(string Code, string Target, string Rule);

/// <summary>
/// What each draft still lacks. A complete communication must carry every item of R15 art. 6 §2; a preliminary one may be
/// filed without them and lists them as "to be complemented" (art. 6 §3). The subject notice needs art. 9's items, the
/// record art. 10's.
/// </summary>
public static class DraftCompleteness
{
    public static IReadOnlyList<MissingItem> Check(DraftFacts facts, DraftKind kind)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var all = Candidates(facts).ToList();
        var wanted = Wanted(kind);
        return [.. all.Where(m => wanted.Contains(m.Code))];
    }

    private static IEnumerable<MissingItem> Candidates(DraftFacts f)
    {
        var c = f.Controller;
        if (string.IsNullOrWhiteSpace(f.Summary))
        {
            yield return new(MissingCodes.DescriptionMissing, DraftTargets.Overview, "R15 art. 6 §2 XI");
        }

        if (f.KnowledgeAtUtc is null)
        {
            yield return new(MissingCodes.KnowledgeTimeMissing, DraftTargets.Coops, "R15 art. 6 §2 VII");
        }

        if (string.IsNullOrWhiteSpace(c.Name) || !Coops.Cnpj.IsValid(c.Cnpj))
        {
            yield return new(MissingCodes.ControllerIdentityIncomplete, DraftTargets.Coops, "R15 art. 6 §2 IX");
        }

        if (string.IsNullOrWhiteSpace(c.EncarregadoName) || string.IsNullOrWhiteSpace(c.EncarregadoEmail)
            || string.IsNullOrWhiteSpace(c.EncarregadoPhone))
        {
            yield return new(MissingCodes.DpoContactMissing, DraftTargets.Coops, "R15 art. 6 §2 VIII; art. 9 VII");
        }

        if (f.DataCategories == Incidents.DataCategories.None)
        {
            yield return new(MissingCodes.DataCategoriesUnknown, DraftTargets.Overview, "R15 art. 6 §2 I; art. 9 I");
        }

        if (f.SubjectCategories == Incidents.DataSubjectCategories.None)
        {
            yield return new(MissingCodes.SubjectCategoriesUnknown, DraftTargets.Overview, "R15 art. 6 §2 II");
        }

        if (!f.AffectedSubjectFigures.Any())
        {
            yield return new(MissingCodes.SubjectCountUnknown, DraftTargets.Figures, "R15 art. 6 §2 II");
        }

        if (!f.ProcessingTotalFigures.Any())
        {
            yield return new(MissingCodes.ProcessingTotalUnknown, DraftTargets.Figures, "R15 art. 6 §2 XII");
        }

        if (!f.Measures.Any())
        {
            yield return new(MissingCodes.NoMeasuresRecorded, DraftTargets.Timeline, "R15 art. 6 §2 VI; art. 9 V");
        }

        if (string.IsNullOrWhiteSpace(f.MeasuresBefore))
        {
            yield return new(MissingCodes.PriorMeasuresUnknown, DraftTargets.Overview, "R15 art. 6 §2 III; art. 9 II");
        }

        if (f.IncidentType == Incidents.IncidentType.Unknown)
        {
            yield return new(MissingCodes.IncidentTypeUnknown, DraftTargets.Overview, "R15 art. 6 §2 XI");
        }

        if (f.Impact == Incidents.CiaImpact.None)
        {
            yield return new(MissingCodes.CiaImpactUnknown, DraftTargets.Overview, "R15 art. 3 XII");
        }

        // A late communication is still due and must say why it is late (R15 art. 6 §2 V; art. 9 IV).
        if (f.FilingLate && string.IsNullOrWhiteSpace(f.DelayReasons))
        {
            yield return new(MissingCodes.DelayReasonsMissing, DraftTargets.Notifications, "R15 art. 6 §2 V; art. 9 IV");
        }

        // The record must state the assessment and, when not communicated, why (R15 arts. 5 and 10).
        if (f.Assessment is null)
        {
            yield return new(MissingCodes.RelevanceNotAssessed, DraftTargets.Notifications, "R15 art. 5; art. 10");
        }
    }

    private static HashSet<string> Wanted(DraftKind kind) => kind switch
    {
        DraftKind.AnpdComplete or DraftKind.AnpdPreliminary or DraftKind.AnpdComplementary =>
        [
            MissingCodes.DescriptionMissing, MissingCodes.KnowledgeTimeMissing, MissingCodes.ControllerIdentityIncomplete,
            MissingCodes.DpoContactMissing, MissingCodes.DataCategoriesUnknown, MissingCodes.SubjectCategoriesUnknown,
            MissingCodes.SubjectCountUnknown, MissingCodes.ProcessingTotalUnknown, MissingCodes.NoMeasuresRecorded,
            MissingCodes.PriorMeasuresUnknown, MissingCodes.IncidentTypeUnknown, MissingCodes.CiaImpactUnknown,
            MissingCodes.DelayReasonsMissing, MissingCodes.RelevanceNotAssessed,
        ],
        DraftKind.SubjectNotice or DraftKind.PublicNotice =>
        [
            MissingCodes.DescriptionMissing, MissingCodes.KnowledgeTimeMissing, MissingCodes.DpoContactMissing,
            MissingCodes.DataCategoriesUnknown, MissingCodes.NoMeasuresRecorded, MissingCodes.PriorMeasuresUnknown,
            MissingCodes.DelayReasonsMissing,
        ],
        DraftKind.IncidentRecord =>
        [
            MissingCodes.DescriptionMissing, MissingCodes.KnowledgeTimeMissing, MissingCodes.DataCategoriesUnknown,
            MissingCodes.SubjectCountUnknown, MissingCodes.NoMeasuresRecorded, MissingCodes.RelevanceNotAssessed,
        ],
        _ => [MissingCodes.DescriptionMissing, MissingCodes.KnowledgeTimeMissing],
    };
}
