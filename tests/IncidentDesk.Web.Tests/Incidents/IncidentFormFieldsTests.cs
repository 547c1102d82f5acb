using System.Reflection;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The field table behind "what changed" and the merge of two officers' edits: it must know every field of the form,
/// or a merge would silently drop what an officer typed there.
/// </summary>
public sealed class IncidentFormFieldsTests
{
    private static IncidentFormModel Stored() => new()
    {
        Title = "Kafka exposto",
        Summary = "Relato de pesquisador.",
        Severity = IncidentSeverity.High,
        AffectedSystems = "Cluster Kafka",
        ReportedAtLocal = new DateTime(2026, 4, 6, 17, 0, 0),
        DiscoveredAt = new PartialDateInput(2026, 3, null, null, TimePrecision.Month),
    };

    [Fact]
    public void Every_property_of_the_form_is_a_field_that_is_copied_and_seen_as_changed()
    {
        var properties = typeof(IncidentFormModel).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.Equal(properties.Count, IncidentFormFields.All.Count);
        Assert.Equal(properties.Count, IncidentFormFields.All.Select(f => f.LabelKey).Distinct().Count());

        var filled = new IncidentFormModel
        {
            Source = ReportSource.Press, ReporterName = "Ana", ReporterOrganisation = "Imprensa", ReporterContact = "ana@example.org",
            ReportedAtLocal = new DateTime(2026, 4, 6, 17, 0, 0), DiscoveredAt = new PartialDateInput(2026, 3, 2, null, TimePrecision.Day),
            KnowledgeAtLocal = new DateTime(2026, 4, 6, 18, 0, 0), Title = "T", Summary = "S", AffectedSystems = "A",
            DataCategories = DataCategories.Health, DataSubjectCategories = DataSubjectCategories.Beneficiaries,
            Severity = IncidentSeverity.Critical, Type = IncidentType.Ransomware, Impact = CiaImpact.Availability, MeasuresBefore = "M",
        };
        var copy = IncidentFormFields.Copy(filled);
        Assert.Empty(IncidentFormFields.Changed(filled, copy));
        foreach (var property in properties)
        {
            Assert.Equal(property.GetValue(filled), property.GetValue(copy));
        }

        Assert.Equal(properties.Count, IncidentFormFields.Changed(new IncidentFormModel(), filled).Count);
    }

    [Fact]
    public void Each_officer_keeps_their_own_changes_when_they_touched_different_fields()
    {
        var basis = Stored();
        var mine = IncidentFormFields.Copy(basis);
        mine.Summary = "Resumo revisto.";
        var current = IncidentFormFields.Copy(basis);
        current.Severity = IncidentSeverity.Critical;

        var merge = IncidentFormFields.Merge(basis, mine, current);

        Assert.Empty(merge.Conflicts);
        Assert.Equal(("Resumo revisto.", IncidentSeverity.Critical), (merge.Merged!.Summary, merge.Merged.Severity));
    }

    [Fact]
    public void The_same_field_changed_by_both_is_a_conflict_unless_both_wrote_the_same()
    {
        var basis = Stored();
        var mine = IncidentFormFields.Copy(basis);
        mine.Title = "Título da Ana";
        mine.AffectedSystems = "Cluster Kafka do chatbot";
        var current = IncidentFormFields.Copy(basis);
        current.Title = "Título do Bruno";
        current.AffectedSystems = "Cluster Kafka do chatbot";

        var merge = IncidentFormFields.Merge(basis, mine, current);

        Assert.Null(merge.Merged);
        Assert.Equal(["Título"], merge.Conflicts.Select(f => f.RecordName));
    }

    [Fact]
    public void Rebasing_takes_the_others_changes_only_where_the_officer_typed_nothing()
    {
        var basis = Stored();
        var mine = IncidentFormFields.Copy(basis);
        mine.Title = "Título da Ana";
        var current = IncidentFormFields.Copy(basis);
        current.Title = "Título do Bruno";
        current.DiscoveredAt = new PartialDateInput(2026, 3, 28, null, TimePrecision.Day);

        IncidentFormFields.Rebase(basis, mine, current);

        Assert.Equal("Título da Ana", mine.Title);
        Assert.Equal(current.DiscoveredAt, mine.DiscoveredAt);
        Assert.Equal(["Título"], IncidentFormFields.Changed(current, mine).Select(f => f.RecordName));
    }
}
