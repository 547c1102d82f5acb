using System.Net;
using IncidentDesk.ApiClientTests.Generated.Models;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Campaigns = IncidentDesk.Core.Campaigns;

namespace IncidentDesk.ApiClientTests;

/// <summary>
/// An integrator's first day with the generated client, against the real desk on Kestrel: an officer's token (two-factor
/// enrolled) registers an incident, reads it back, lists the tasks of a campaign on it and answers one with the version it
/// read; an answer sent on a stale version comes back as the client's problem type with the 409 and the conflict's code.
/// </summary>
public sealed class RoundTripTests(DeskFixture desk)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_creates_and_reads_an_incident_then_answers_a_task_with_the_version_read()
    {
        var officer = await TestAccounts.CreateAsync(desk.Host, AppRoles.PrivacyOfficer, twoFactor: true);
        using var client = await GeneratedClient.ForAsync(desk.Host, officer);
        var reportedAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(-3));

        var created = await client.Api.Api.V1.Incidents.PostAsync(new IncidentInput
        {
            Title = "Vazamento de planilha de beneficiários",
            Summary = "Planilha com CPF e plano de saúde exposta em pasta compartilhada pública.",
            Source = ReportSource.InternalDetection,
            Severity = IncidentSeverity.High,
            ReportedAt = reportedAt,
        }, cancellationToken: Ct);
        Assert.NotNull(created?.Id);
        var incident = await client.Api.Api.V1.Incidents[created.Id.Value].GetAsync(cancellationToken: Ct);

        Assert.Equal(created.Reference, incident?.Summary?.Reference);
        Assert.Equal("Vazamento de planilha de beneficiários", incident?.Summary?.Title);
        Assert.Equal(reportedAt.UtcDateTime, incident?.Summary?.ReportedAtUtc?.UtcDateTime);

        var campaignId = await LaunchAsync(created.Id.Value);
        var tasks = await client.Api.Api.V1.Tasks.GetAsync(cancellationToken: Ct);
        var task = Assert.Single(tasks!, t => t.CampaignId == campaignId && t.CoopCode == "SP-004");
        Assert.Equal(created.Reference, task.IncidentReference);
        Assert.Equal(CoopTaskStatus.Open, task.Status);

        var updated = await client.Api.Api.V1.Tasks[task.Id!.Value].PatchAsync(new TaskPatch
        {
            Status = CoopTaskStatus.InProgress,
            Note = "Levantando as pastas compartilhadas com a TI.",
            Version = task.Version,
        }, cancellationToken: Ct);

        Assert.Equal(CoopTaskStatus.InProgress, updated?.Status);
        Assert.Equal(task.Version + 1, updated?.Version);
        var reread = await client.Api.Api.V1.Tasks[task.Id.Value].GetAsync(cancellationToken: Ct);
        Assert.Equal("Levantando as pastas compartilhadas com a TI.", reread?.Note);

        var stale = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Api.V1.Tasks[task.Id.Value].PatchAsync(new TaskPatch
        {
            Status = CoopTaskStatus.Blocked,
            Note = "Aguardando o fornecedor.",
            Version = task.Version,
        }, cancellationToken: Ct));

        Assert.Equal((int)HttpStatusCode.Conflict, stale.ResponseStatusCode);
        Assert.Equal(409, stale.Status);
        Assert.False(string.IsNullOrWhiteSpace(stale.Title));
        Assert.Equal("Conflict", stale.AdditionalData["code"]?.ToString());
        Assert.Equal(CoopTaskStatus.InProgress,
            (await client.Api.Api.V1.Tasks[task.Id.Value].GetAsync(cancellationToken: Ct))?.Status);
    }

    [Fact]
    public async Task An_id_that_is_not_the_callers_comes_back_as_the_clients_problem_type_with_404()
    {
        var liaison = await TestAccounts.CreateAsync(desk.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false);
        using var client = await GeneratedClient.ForAsync(desk.Host, liaison);

        var missing = await Assert.ThrowsAsync<ProblemDetails>(() => client.Api.Api.V1.Incidents[int.MaxValue].GetAsync(cancellationToken: Ct));

        Assert.Equal((int)HttpStatusCode.NotFound, missing.ResponseStatusCode);
        Assert.Equal(404, missing.Status);
        Assert.False(string.IsNullOrWhiteSpace(missing.Detail));
    }

    /// <summary>A one-question campaign to the co-ops of São Paulo, launched by an officer (the API launches none).</summary>
    private async Task<int> LaunchAsync(int incidentId)
    {
        var launcher = await TestAccounts.CreateAsync(desk.Host, AppRoles.PrivacyOfficer, twoFactor: true);
        await using var officer = await desk.Host.ActingAsAsync(launcher);
        var result = await officer.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            "Pastas compartilhadas", null, [new("Há pastas públicas com dados de beneficiários?", null, 2, false, Campaigns.TaskAnswerType.YesNo)],
            Campaigns.CampaignAudience.Uf, "SP"), Ct);
        Assert.True(result.Succeeded, result.ToString());
        return result.Value.CampaignId;
    }
}
