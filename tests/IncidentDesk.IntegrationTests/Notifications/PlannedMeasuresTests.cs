using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.IntegrationTests.Campaigns;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Notifications;

/// <summary>
/// What the ANPD is told is planned: each open measure once, however many campaigns ask for it, and nothing from a
/// campaign the federation withdrew as a mistake.
/// </summary>
public sealed class PlannedMeasuresTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string PlannedHeading = "**Medidas planejadas (tarefas em aberto):**";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<DraftView> DraftAsync(int incidentId, DraftKind kind)
    {
        await using var officer = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var draft = await officer.ServiceProvider.GetRequiredService<DraftService>()
            .GenerateAsync(incidentId, await fixture.CoopIdAsync("SP-004"), kind, Ct);
        return Assert.IsType<DraftView>(draft);
    }

    // The bullet items under "Medidas planejadas", up to the next paragraph or heading.
    private static List<string> PlannedMeasures(string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return [.. lines.Skip(lines.IndexOf(PlannedHeading) + 1).SkipWhile(string.IsNullOrWhiteSpace)
            .TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task With_the_same_playbook_launched_twice_each_planned_measure_is_listed_once_in_playbook_order()
    {
        var incidentId = await fixture.NewIncidentAsync();
        var playbookId = await fixture.SeededPlaybookIdAsync();
        Assert.True((await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId, "Contenção"))).Succeeded);
        Assert.True((await fixture.LaunchAsync(CampaignArrangement.Playbook(incidentId, playbookId, "Contenção, segunda onda") with
        {
            AllowDuplicate = true, DuplicateReason = "O broker voltou a ficar exposto",
        })).Succeeded);

        var measures = PlannedMeasures((await DraftAsync(incidentId, DraftKind.AnpdComplete)).Markdown);

        Assert.Equal(8, measures.Count);
        Assert.Equal(measures.Distinct(StringComparer.Ordinal), measures);
        await using var db = fixture.CreateDb();
        var steps = db.PlaybookSteps.Where(s => s.PlaybookId == playbookId).OrderBy(s => s.Order).Select(s => s.Title).ToList();
        Assert.Equal(steps.Select(DraftFormat.Inline).Select(t => $"- {t}"), measures);
    }

    [Fact]
    public async Task A_cancelled_campaigns_tasks_are_in_no_draft_answered_or_not()
    {
        var incidentId = await fixture.NewIncidentAsync();
        CampaignTaskInput[] tasks =
        [
            new("Desligar o servidor de homologação", null, 2, false, TaskAnswerType.StatusOnly),
            new("Apagar a cópia do banco no bucket público", null, 2, false, TaskAnswerType.StatusOnly),
        ];
        var mistaken = await fixture.LaunchAsync(new CampaignLaunch(incidentId, "Campanha do incidente errado", null, tasks, CampaignAudience.InvolvedCoops));
        var standing = await fixture.LaunchAsync(new CampaignLaunch(incidentId, "Contenção", null,
            [new("Rotacionar as chaves de acesso", null, 2, false, TaskAnswerType.StatusOnly)], CampaignAudience.InvolvedCoops));
        Assert.True(standing.Succeeded);
        var before = PlannedMeasures((await DraftAsync(incidentId, DraftKind.AnpdComplete)).Markdown);
        Assert.Contains("- Desligar o servidor de homologação", before);

        Assert.True((await fixture.CancelAsync(mistaken.Value.CampaignId, "Lançada no incidente errado")).Succeeded);

        var anpd = await DraftAsync(incidentId, DraftKind.AnpdComplete);
        var report = await DraftAsync(incidentId, DraftKind.HandlingReport);
        Assert.Equal(["- Rotacionar as chaves de acesso"], PlannedMeasures(anpd.Markdown));
        // The handling report's task section leaves the withdrawn campaign out; its timeline still tells the launch and the cancellation.
        Assert.DoesNotContain("### Campanha do incidente errado", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("### Contenção — Rotacionar as chaves de acesso", report.Markdown, StringComparison.Ordinal);
        Assert.Contains("Campanha cancelada: Campanha do incidente errado", report.Markdown, StringComparison.Ordinal);
    }
}
