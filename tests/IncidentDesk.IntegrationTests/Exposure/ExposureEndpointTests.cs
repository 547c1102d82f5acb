using System.Globalization;
using System.Text;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Exposure;
using IncidentDesk.Web.Features.Exposure.Endpoints;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ActingAs = IncidentDesk.IntegrationTests.Audit.ActingAs;

namespace IncidentDesk.IntegrationTests.Exposure;

/// <summary>
/// Declarations and authorizations: a liaison manages their own co-op's list and sees only its endpoints and results;
/// another co-op's ids answer "not found" and the attempt is audited; officers manage every list; the CSV file is all or
/// nothing; every declaration and authorization is audited with who and when.
/// </summary>
public sealed class ExposureEndpointTests(ExposureHostFixture fixture) : IClassFixture<ExposureHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_liaison_declares_and_authorizes_their_coops_endpoint_and_both_are_audited_with_who_and_when()
    {
        var coopId = await fixture.CoopIdAsync("AM-001");
        await using var liaison = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, coopId);
        var endpoints = liaison.ServiceProvider.GetRequiredService<EndpointService>();

        var declared = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "  Kafka.Coop-AM.example.  ", 9092), Ct);
        var authorized = await endpoints.AuthorizeAsync(declared.Value, expectedVersion: 0, Ct);

        Assert.Equal((ResultStatus.Success, ResultStatus.Success), (declared.Status, authorized.Status));
        await using var db = fixture.CreateDb();
        var endpoint = await db.BrokerEndpoints.AsNoTracking().SingleAsync(e => e.Id == declared.Value, Ct);
        Assert.Equal(("kafka.coop-am.example", 9092, BrokerKind.Kafka), (endpoint.Host, endpoint.Port, endpoint.Kind));
        Assert.Equal("coopliaison@federacao.example", endpoint.DeclaredBy);
        Assert.Equal("coopliaison@federacao.example", endpoint.AuthorizedBy);
        Assert.NotNull(endpoint.AuthorizedAtUtc);
        var actions = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(BrokerEndpoint) && e.EntityId == endpoint.Id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Sequence).Select(e => new { e.Action, e.ActorName }).ToListAsync(Ct);
        Assert.Equal([EndpointService.DeclaredAction, EndpointService.AuthorizedAction], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal("coopliaison@federacao.example", a.ActorName));
    }

    [Fact]
    public async Task Another_coops_endpoint_or_coop_answers_not_found_to_a_liaison_and_the_attempt_is_audited()
    {
        var other = await fixture.DeclareAsync("RS-001", "kafka.rs.example", 9092, authorize: false);
        var mine = await fixture.CoopIdAsync("SC-001");
        var theirs = await fixture.CoopIdAsync("RS-001");
        await using var liaison = ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, mine);
        var endpoints = liaison.ServiceProvider.GetRequiredService<EndpointService>();
        var query = liaison.ServiceProvider.GetRequiredService<ExposureQueryService>();

        Assert.True((await endpoints.AuthorizeAsync(other, 0, Ct)).IsNotFound);
        Assert.True((await endpoints.RemoveAsync(other, 0, Ct)).IsNotFound);
        Assert.True((await endpoints.DeclareAsync(new EndpointDeclaration(theirs, "planted.example", 9092), Ct)).IsNotFound);
        Assert.Null(await query.HistoryAsync(other, Ct));
        Assert.DoesNotContain((await query.ListAsync(new EndpointFilter(), pageSize: 500, cancellationToken: Ct)).Rows, r => r.CoopId != mine);
        Assert.Empty(await query.CoopAsync(theirs, Ct));

        await using var db = fixture.CreateDb();
        var denied = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AccessDenied && e.ActorName == "coopliaison@federacao.example")
            .Select(e => new { e.EntityType, e.EntityId }).ToListAsync(Ct);
        Assert.Contains(new { EntityType = (string?)nameof(BrokerEndpoint), EntityId = (string?)other.ToString(CultureInfo.InvariantCulture) }, denied);
        Assert.Contains(new { EntityType = (string?)"Coop", EntityId = (string?)theirs.ToString(CultureInfo.InvariantCulture) }, denied);
        var endpoint = await db.BrokerEndpoints.AsNoTracking().SingleAsync(e => e.Id == other, Ct);
        Assert.Null(endpoint.AuthorizedAtUtc);
        Assert.Null(endpoint.RemovedAtUtc);
        Assert.False(await db.BrokerEndpoints.AnyAsync(e => e.Host == "planted.example", Ct));
    }

    [Fact]
    public async Task The_list_shows_a_liaison_their_own_coops_results_and_an_officer_every_coops_with_filters()
    {
        var a = await fixture.DeclareAsync("GO-001", "kafka.go.example", 9092, authorize: false);
        var b = await fixture.DeclareAsync("GO-002", "kafka2.go.example", 9093);
        await using var officer = fixture.Officer();
        var query = officer.ServiceProvider.GetRequiredService<ExposureQueryService>();

        var notAuthorized = await query.ListAsync(new EndpointFilter(EndpointState.NotAuthorized, Uf: "GO"), cancellationToken: Ct);
        var byCode = await query.ListAsync(new EndpointFilter(Coop: "go-002"), cancellationToken: Ct);

        Assert.Equal([a], notAuthorized.Rows.Select(r => r.Id));
        Assert.Equal([b], byCode.Rows.Select(r => r.Id));
        await using var liaison = await fixture.LiaisonOfAsync("GO-001");
        var mine = await liaison.ServiceProvider.GetRequiredService<ExposureQueryService>().ListAsync(new EndpointFilter(Uf: "GO"), cancellationToken: Ct);
        Assert.Equal([a], mine.Rows.Select(r => r.Id));
        var counts = await liaison.ServiceProvider.GetRequiredService<ExposureQueryService>().CountsAsync(Ct);
        Assert.Equal((1, 1), (counts.Endpoints, counts.WithoutAuthorization));
    }

    [Fact]
    public async Task An_address_is_checked_and_a_second_declaration_of_it_refused()
    {
        var coopId = await fixture.CoopIdAsync("PA-001");
        await using var officer = fixture.Officer();
        var endpoints = officer.ServiceProvider.GetRequiredService<EndpointService>();

        var noPort = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "kafka.pa.example", 70000), Ct);
        var url = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "tcp://kafka.pa.example", 9092), Ct);
        var first = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "kafka.pa.example", 9092), Ct);
        var again = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "KAFKA.PA.EXAMPLE", 9092), Ct);

        Assert.Equal(nameof(EndpointAddressError.PortInvalid), noPort.ErrorOf(EndpointField.Port)?.Code);
        Assert.Equal(nameof(EndpointAddressError.HostInvalid), url.ErrorOf(EndpointField.Host)?.Code);
        Assert.True(first.Succeeded);
        Assert.Equal((ResultStatus.Invalid, EndpointField.Duplicate), (again.Status, again.ErrorOf(EndpointField.Host)?.Code));
        await using var db = fixture.CreateDb();
        Assert.Equal(1, await db.BrokerEndpoints.CountAsync(e => e.CoopId == coopId && e.Host == "kafka.pa.example", Ct));
    }

    [Fact]
    public async Task An_auditor_reads_every_coops_list_but_declares_authorizes_and_imports_nothing_and_each_attempt_is_audited()
    {
        var endpointId = await fixture.DeclareAsync("MS-001", "kafka.ms.example", 9092, authorize: false);
        await using var auditor = ActingAs.Scope(fixture.Host, AppRoles.Auditor);
        var coopId = await fixture.CoopIdAsync("SP-004");
        var endpoints = auditor.ServiceProvider.GetRequiredService<EndpointService>();

        var declared = await endpoints.DeclareAsync(new EndpointDeclaration(coopId, "kafka.example", 9092), Ct);
        var authorized = await endpoints.AuthorizeAsync(endpointId, 0, Ct);
        var imported = await auditor.ServiceProvider.GetRequiredService<EndpointImportService>()
            .ImportAsync(Csv("code;host;port;kind", "SP-004;kafka.example;9092;kafka"), Ct);

        Assert.Equal((ResultStatus.Forbidden, ResultStatus.Forbidden, ResultStatus.Forbidden), (declared.Status, authorized.Status, imported.Status));
        var list = await auditor.ServiceProvider.GetRequiredService<ExposureQueryService>().ListAsync(new EndpointFilter(Coop: "MS-001"), cancellationToken: Ct);
        Assert.Equal([endpointId], list.Rows.Select(r => r.Id));
        await using var db = fixture.CreateDb();
        Assert.Null((await db.BrokerEndpoints.AsNoTracking().SingleAsync(e => e.Id == endpointId, Ct)).AuthorizedAtUtc);
        Assert.False(await db.BrokerEndpoints.AnyAsync(e => e.Host == "kafka.example", Ct));
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == AuditActions.AccessDenied && e.ActorName == "auditor@federacao.example"
            && e.EntityType == nameof(BrokerEndpoint), Ct));
    }

    [Fact]
    public async Task A_file_with_one_bad_line_declares_nothing_and_names_every_problem_a_good_one_declares_all()
    {
        await using var officer = fixture.Officer();
        var import = officer.ServiceProvider.GetRequiredService<EndpointImportService>();
        var bad = Csv("code;host;port;kind", "TO-001;kafka1.to.example;9092;kafka", "TO-001;kafka2.to.example;nove;kafka", "XX-999;kafka.example;9092;");

        var refused = (await import.ImportAsync(bad, Ct)).Value;

        Assert.False(refused.Applied);
        Assert.Equal([(3, EndpointCsv.Port, nameof(EndpointAddressError.PortInvalid)), (4, EndpointCsv.Code, EndpointCsvReason.UnknownCoop)],
            refused.Errors.Select(e => (e.Line, e.Column, e.Reason)));
        await using (var db = fixture.CreateDb())
        {
            Assert.False(await db.BrokerEndpoints.AnyAsync(e => e.Host.EndsWith(".to.example"), Ct));
        }

        var applied = (await import.ImportAsync(Csv("code,host,port", "TO-001,kafka1.to.example,9092", "to-001,kafka2.to.example,9093"), Ct)).Value;

        Assert.Equal((true, 2, 0), (applied.Applied, applied.New, applied.AlreadyDeclared));
        await using (var db = fixture.CreateDb())
        {
            var imported = await db.BrokerEndpoints.AsNoTracking().Where(e => e.Host.EndsWith(".to.example")).ToListAsync(Ct);
            Assert.Equal(2, imported.Count);
            Assert.All(imported, e => Assert.Null(e.AuthorizedAtUtc));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == EndpointImportService.ImportedAction, Ct));
        }
    }

    [Fact]
    public async Task A_liaisons_file_may_name_only_their_own_coop()
    {
        await using var liaison = await fixture.LiaisonOfAsync("AC-001");
        var import = liaison.ServiceProvider.GetRequiredService<EndpointImportService>();

        var report = (await import.PreviewAsync(Csv("code;host;port;kind", "AC-001;kafka.ac.example;9092;kafka", "SP-004;kafka.sp.example;9092;kafka"), Ct)).Value;

        Assert.Equal([(3, EndpointCsv.Code, EndpointCsvReason.UnknownCoop)], report.Errors.Select(e => (e.Line, e.Column, e.Reason)));
    }

    [Fact]
    public async Task The_csv_a_liaison_downloads_holds_their_coops_endpoints_only_and_every_download_is_audited()
    {
        await fixture.DeclareAsync("ES-001", "kafka.es.example", 9092);
        await fixture.DeclareAsync("SE-001", "kafka.se.example", 9092);
        var liaison = await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "ES-001", twoFactor: false);
        using var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, liaison)).Dispose();

        using var response = await client.GetAsync(new Uri("exposure/csv", UriKind.Relative), Ct);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"code\";\"host\";\"port\";\"kind\"", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("\"ES-001\"", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("kafka.es.example", StringComparison.Ordinal));
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Exported && e.ActorName == liaison.Email
            && e.EntityType == nameof(BrokerEndpoint), Ct));
    }

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", lines)));
}
