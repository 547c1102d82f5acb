namespace IncidentDesk.Web.Features.Incidents.Intake;

/// <summary>One field of an incident's details: its name in the record (pt-BR), its form label and how to read and copy it.</summary>
public sealed record IncidentDraftField(
    string RecordName, string LabelKey, Func<IncidentDraft, object?> Read, Action<IncidentDraft, IncidentDraft> Copy)
{
    public bool Differs(IncidentDraft a, IncidentDraft b) => !Equals(Read(a), Read(b));
}

/// <summary>
/// Every field of <see cref="IncidentDraft"/>, in form order: what changed between two versions, and the merge of one
/// officer's edit with what others saved while they typed.
/// </summary>
public static class IncidentDraftFields
{
    public static readonly IReadOnlyList<IncidentDraftField> All =
    [
        new("Origem do relato", "Field.Source", d => d.Source, (from, to) => to.Source = from.Source),
        new("Nome de quem relatou", "Field.ReporterName", d => d.ReporterName, (from, to) => to.ReporterName = from.ReporterName),
        new("Organização de quem relatou", "Field.ReporterOrganisation", d => d.ReporterOrganisation,
            (from, to) => to.ReporterOrganisation = from.ReporterOrganisation),
        new("Contato de quem relatou", "Field.ReporterContact", d => d.ReporterContact, (from, to) => to.ReporterContact = from.ReporterContact),
        new("Data do relato", "Field.ReportedAtDate", d => d.ReportedAtLocal, (from, to) => to.ReportedAtLocal = from.ReportedAtLocal),
        new("Data da descoberta", "Field.DiscoveredDate", d => d.DiscoveredAt, (from, to) => to.DiscoveredAt = from.DiscoveredAt),
        new("Data da ciência", "Field.KnowledgeAt", d => d.KnowledgeAtLocal, (from, to) => to.KnowledgeAtLocal = from.KnowledgeAtLocal),
        new("Título", "Field.Title", d => d.Title, (from, to) => to.Title = from.Title),
        new("Resumo", "Field.Summary", d => d.Summary, (from, to) => to.Summary = from.Summary),
        new("Sistemas afetados", "Field.AffectedSystems", d => d.AffectedSystems, (from, to) => to.AffectedSystems = from.AffectedSystems),
        new("Categorias de dados", "Field.DataCategories", d => d.DataCategories, (from, to) => to.DataCategories = from.DataCategories),
        new("Categorias de titulares", "Field.DataSubjects", d => d.DataSubjectCategories,
            (from, to) => to.DataSubjectCategories = from.DataSubjectCategories),
        new("Gravidade", "Field.Severity", d => d.Severity, (from, to) => to.Severity = from.Severity),
        new("Tipo de incidente", "Field.Type", d => d.Type, (from, to) => to.Type = from.Type),
        new("Impacto (confidencialidade, integridade, disponibilidade)", "Field.Impact", d => d.Impact, (from, to) => to.Impact = from.Impact),
        new("Medidas de segurança anteriores", "Field.MeasuresBefore", d => d.MeasuresBefore, (from, to) => to.MeasuresBefore = from.MeasuresBefore),
    ];

    /// <summary>The fields that differ between two versions, in form order.</summary>
    public static IReadOnlyList<IncidentDraftField> Changed(IncidentDraft before, IncidentDraft after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. All.Where(f => f.Differs(before, after))];
    }

    /// <summary>A field-by-field copy.</summary>
    public static IncidentDraft Copy(IncidentDraft draft)
    {
        var copy = new IncidentDraft();
        foreach (var field in All)
        {
            field.Copy(draft, copy);
        }

        return copy;
    }

    /// <summary>
    /// Merges what an officer changed since the form opened (<paramref name="basis"/> → <paramref name="mine"/>) into what
    /// is stored now (<paramref name="current"/>). A field both changed, to different values, is a conflict: then nothing
    /// is merged and the caller shows who changed what. Otherwise each keeps their own changes.
    /// </summary>
    public static IncidentDraftMerge Merge(IncidentDraft basis, IncidentDraft mine, IncidentDraft current)
    {
        var changedByMe = Changed(basis, mine);
        var conflicts = changedByMe.Where(f => f.Differs(basis, current) && f.Differs(mine, current)).ToList();
        if (conflicts.Count > 0)
        {
            return new IncidentDraftMerge(null, conflicts);
        }

        var merged = Copy(current);
        foreach (var field in changedByMe)
        {
            field.Copy(mine, merged);
        }

        return new IncidentDraftMerge(merged, []);
    }

    /// <summary>
    /// Puts into the form (<paramref name="mine"/>) what others changed in fields the officer did not touch, so that the
    /// next save, based on <paramref name="current"/>, changes only what the officer meant to change.
    /// </summary>
    public static void Rebase(IncidentDraft basis, IncidentDraft mine, IncidentDraft current)
    {
        foreach (var field in Changed(basis, current).Where(f => !f.Differs(basis, mine)))
        {
            field.Copy(current, mine);
        }
    }
}

/// <summary>The merged draft to save, or the fields both the officer and someone else changed.</summary>
public sealed record IncidentDraftMerge(IncidentDraft? Merged, IReadOnlyList<IncidentDraftField> Conflicts);

/// <summary>
/// Someone else saved the incident while the officer edited it, changing some of the same fields: what is stored now,
/// by whom and when, and the fields in conflict. Nothing was saved.
/// </summary>
public sealed record IncidentEditConflict(IReadOnlyList<IncidentDraftField> Fields, IncidentDraft Current, string? ChangedBy, DateTime ChangedAtUtc)
{
    /// <summary>IntakeResource key of the stale-write notice.</summary>
    public const string MessageKey = "Edit.Conflict.Title";
}
