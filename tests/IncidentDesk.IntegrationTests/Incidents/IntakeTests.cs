using System.Globalization;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Features.Incidents.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Web.Outcomes;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>Intake of a new report (officers only), its validation, reference numbers and the audit trail.</summary>
public sealed class IntakeTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IncidentDeskHost Host => fixture.Host;

    internal static DateTime NowBrasilia() => DateTime.SpecifyKind(DateTime.UtcNow + PartialDate.BrasiliaOffset, DateTimeKind.Unspecified);

    internal static IncidentDraft Draft(string title = "Kafka exposto na integração do chatbot") => new()
    {
        Source = ReportSource.SecurityResearcher,
        ReporterName = "Equipe de pesquisa",
        ReporterOrganisation = "Laboratório independente",
        ReporterContact = "pesquisa@exemplo.org",
        ReportedAtLocal = NowBrasilia().AddMinutes(-5),
        DiscoveredAt = new PartialDateInput(NowBrasilia().Year, NowBrasilia().Month, null, null, TimePrecision.Month),
        Title = title,
        Summary = "Instância Kafka sem autenticação expondo conversas do chatbot.",
        AffectedSystems = "Cluster Kafka da integração do chatbot",
        DataCategories = DataCategories.Health | DataCategories.ChatContent,
        DataSubjectCategories = DataSubjectCategories.Beneficiaries,
        Severity = IncidentSeverity.High,
    };

    private async Task<IncidentDeskDbContext> DbAsync() =>
        await Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);

    private async Task<Result<RegisteredIncident>> CreateAsOfficerAsync(IncidentDraft draft)
    {
        var officer = await TestAccounts.CreateAsync(Host, "PrivacyOfficer");
        await using var scope = await Host.ActingAsAsync(officer);
        return await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>().CreateAsync(draft, Ct);
    }

    [Fact]
    public async Task Officer_registers_a_report_with_the_next_reference_status_reported_one_timeline_event_and_audit_entries()
    {
        var year = NowBrasilia().Year;
        List<string> before;
        await using (var db = await DbAsync())
        {
            before = await db.Incidents.Select(i => i.Reference).ToListAsync(Ct);
        }

        var result = await CreateAsOfficerAsync(Draft());

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(IncidentReference.Next(year, before).ToString(), result.Value.Reference);
        Assert.Matches($"^INC-{year}-\\d{{4}}$", result.Value.Reference);
        await using var check = await DbAsync();
        var incident = await check.Incidents.Include(i => i.Timeline).SingleAsync(i => i.Id == result.Value.Id, Ct);
        Assert.Equal(IncidentStatus.Reported, incident.Status);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(TimePrecision.Month, incident.DiscoveredAtPrecision);
        Assert.Equal(incident.ReportedAtUtc, incident.KnowledgeAtUtc);
        var registered = Assert.Single(incident.Timeline);
        Assert.Equal("Incidente registrado", registered.Title);
        Assert.Equal(TimelineEventKind.Record, registered.Kind);
        Assert.False(registered.SharedWithCoops);
        Assert.StartsWith("IncidentDesk · ", registered.Source, StringComparison.Ordinal);
        var id = result.Value.Id.ToString(CultureInfo.InvariantCulture);
        Assert.True(await check.AuditEntries.AnyAsync(e => e.Action == "Incident.Created" && e.EntityId == id, Ct));
        var eventId = registered.Id.ToString(CultureInfo.InvariantCulture);
        var eventEntry = await check.AuditEntries.SingleAsync(e => e.Action == "TimelineEvent.Created" && e.EntityId == eventId, Ct);
        Assert.Contains($"\"IncidentId\":{id}", eventEntry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task References_count_up_within_the_year()
    {
        var first = await CreateAsOfficerAsync(Draft("Primeiro relato"));
        var second = await CreateAsOfficerAsync(Draft("Segundo relato"));

        Assert.True(IncidentReference.TryParse(first.Value.Reference, out var a));
        Assert.True(IncidentReference.TryParse(second.Value.Reference, out var b));
        Assert.Equal(a.Sequence + 1, b.Sequence);
        Assert.True(a.Sequence >= 2, "the seeded INC-<year>-0001 is taken");
    }

    [Fact]
    public async Task Invalid_drafts_return_error_codes_per_field_and_store_nothing()
    {
        int count;
        await using (var db = await DbAsync())
        {
            count = await db.Incidents.CountAsync(Ct);
        }

        var tomorrow = NowBrasilia().AddDays(1);
        var draft = Draft(title: "   ");
        draft.Summary = "";
        draft.ReporterName = new string('x', 201);
        draft.DiscoveredAt = new PartialDateInput(tomorrow.Year, tomorrow.Month, tomorrow.Day, null, TimePrecision.Day);
        var result = await CreateAsOfficerAsync(draft);

        Assert.False(result.Succeeded);
        Assert.Equal(IntakeError.Required, result.ErrorCodes[IntakeField.Title]);
        Assert.Equal(IntakeError.Required, result.ErrorCodes[IntakeField.Summary]);
        Assert.Equal(IntakeError.TooLong, result.ErrorCodes[IntakeField.ReporterName]);
        Assert.Equal(IntakeError.InFuture, result.ErrorCodes[IntakeField.DiscoveredAt]);
        await using var check = await DbAsync();
        Assert.Equal(count, await check.Incidents.CountAsync(Ct));
    }

    [Fact]
    public async Task Dates_in_the_future_or_discovery_after_the_report_are_refused()
    {
        var future = Draft();
        future.ReportedAtLocal = NowBrasilia().AddHours(2);
        var afterReport = Draft();
        afterReport.ReportedAtLocal = NowBrasilia().AddDays(-10);
        var discovered = NowBrasilia().AddDays(-2);
        afterReport.DiscoveredAt = new PartialDateInput(discovered.Year, discovered.Month, discovered.Day, null, TimePrecision.Day);
        var knowledge = Draft();
        knowledge.KnowledgeAtLocal = NowBrasilia().AddDays(1);
        var badDay = Draft();
        badDay.DiscoveredAt = new PartialDateInput(2025, 2, 29, null, TimePrecision.Day);

        Assert.Equal(IntakeError.InFuture, (await CreateAsOfficerAsync(future)).ErrorCodes[IntakeField.ReportedAt]);
        Assert.Equal(IntakeError.AfterReported, (await CreateAsOfficerAsync(afterReport)).ErrorCodes[IntakeField.DiscoveredAt]);
        Assert.Equal(IntakeError.InFuture, (await CreateAsOfficerAsync(knowledge)).ErrorCodes[IntakeField.KnowledgeAt]);
        Assert.Equal(IntakeError.InvalidDate, (await CreateAsOfficerAsync(badDay)).ErrorCodes[IntakeField.DiscoveredAt]);
    }

    [Fact]
    public async Task Month_precision_discovery_in_the_current_month_is_accepted()
    {
        var now = NowBrasilia();
        var draft = Draft();
        draft.DiscoveredAt = new PartialDateInput(now.Year, now.Month, null, null, TimePrecision.Month);

        var result = await CreateAsOfficerAsync(draft);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
    }

    [Theory]
    [InlineData("CoopLiaison", "SP-004")]
    [InlineData("Auditor", null)]
    public async Task Liaisons_and_auditors_cannot_register_and_the_attempt_is_audited(string role, string? coop)
    {
        var account = await TestAccounts.CreateAsync(Host, role, coop, twoFactor: role != "CoopLiaison");
        await using var scope = await Host.ActingAsAsync(account);
        var register = scope.ServiceProvider.GetRequiredService<IncidentRegisterService>();

        Assert.True((await register.CreateAsync(Draft("Não deveria existir"), Ct)).IsForbidden);

        await using var db = await DbAsync();
        Assert.False(await db.Incidents.AnyAsync(i => i.Title == "Não deveria existir", Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "Access.Denied" && e.ActorName == account.Email
            && e.EntityType == "Incident", Ct));
    }

    [Fact]
    public async Task Script_in_the_title_is_stored_verbatim_and_shown_encoded_on_the_detail_page()
    {
        const string title = "<script>alert(1)</script>";
        var officer = await TestAccounts.CreateAsync(Host, "PrivacyOfficer");
        Result<RegisteredIncident> result;
        await using (var scope = await Host.ActingAsAsync(officer))
        {
            result = await scope.ServiceProvider.GetRequiredService<IncidentRegisterService>().CreateAsync(Draft(title), Ct);
        }

        await using (var db = await DbAsync())
        {
            Assert.Equal(title, (await db.Incidents.SingleAsync(i => i.Id == result.Value.Id, Ct)).Title);
        }

        using var client = Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, officer);
        var html = await client.GetStringAsync(new Uri($"incidents/{result.Value.Id}", UriKind.Relative), Ct);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(title, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_intake_page_is_for_officers_only()
    {
        var officer = await TestAccounts.CreateAsync(Host, "PrivacyOfficer");
        var liaison = await TestAccounts.CreateAsync(Host, "CoopLiaison", "SP-004", twoFactor: false);
        var auditor = await TestAccounts.CreateAsync(Host, "Auditor");
        using var anonymous = Host.CreateBrowserClient();

        using var officerPage = await GetAsAsync(officer);
        using var liaisonPage = await GetAsAsync(liaison);
        using var auditorPage = await GetAsAsync(auditor);
        using var anonymousPage = await anonymous.GetAsync(new Uri("incidents/new", UriKind.Relative), Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, officerPage.StatusCode);
        Assert.Contains("Registrar incidente", await officerPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("account/access-denied", liaisonPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("account/access-denied", auditorPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("account/login", anonymousPage.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsAsync(TestAccount account)
    {
        using var client = Host.CreateBrowserClient();
        using var login = await SignIn.SignInAsync(client, account);
        return await client.GetAsync(new Uri("incidents/new", UriKind.Relative), Ct);
    }
}
