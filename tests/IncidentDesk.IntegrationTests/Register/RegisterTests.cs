using System.Globalization;
using System.Net;
using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance.Assessment;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Register;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Register;

/// <summary>
/// The incident register R15 art. 10 requires: one line per incident × controller co-op, with the relevance assessment
/// and whether each communication was filed on time, read by officers and auditors and exported as CSV.
/// </summary>
public sealed class RegisterTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<RegisterRow>> ListAsync(string role, RegisterQuery query)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role);
        return (await scope.ServiceProvider.GetRequiredService<RegisterService>().ListAsync(query, Ct)).Value;
    }

    private async Task<List<(int CoopId, string Code)>> ControllersAsync(int incidentId)
    {
        await using var db = fixture.CreateDb();
        return [.. (await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.Role == InvolvementRole.ControllerAffected)
            .Select(v => new { v.CoopId, v.Coop!.Code }).ToListAsync(Ct)).Select(v => (v.CoopId, v.Code))];
    }

    [Fact]
    public async Task Each_controller_is_listed_unassessed_and_then_shows_its_assessment_and_whether_it_filed_on_time()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        var controllers = await ControllersAsync(incidentId);
        Assert.Equal(3, controllers.Count); // SP-004, MG-002 and GO-001, each its own controller
        var now = fixture.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var before = await ListAsync(AppRoles.Auditor, new RegisterQuery(IncidentId: incidentId));

        Assert.Equal(controllers.Select(c => c.Code).Order(), before.Select(r => r.CoopCode).Order());
        Assert.All(before, row =>
        {
            Assert.Null(row.Assessment);
            Assert.Null(row.Anpd.FiledAtUtc);
            var due = Brasilia.EndOfDayUtc(row.Anpd.Deadline);
            Assert.Equal(now >= due ? FilingState.Overdue : FilingState.Pending, row.Anpd.State);
        });

        var onTime = before.Single(r => r.CoopId == controllers[0].CoopId);
        var late = before.Single(r => r.CoopId == controllers[1].CoopId);
        await using (var db = fixture.CreateDb())
        {
            db.RelevanceAssessments.Add(Assessment(incidentId, onTime.CoopId, RelevanceResult.MustNotify, onTime.KnowledgeAtUtc.AddHours(5)));
            db.RelevanceAssessments.Add(Assessment(incidentId, late.CoopId, RelevanceResult.MustNotify, late.KnowledgeAtUtc.AddHours(5)));
            db.CommunicationFilings.Add(Filing(incidentId, onTime.CoopId, FilingKind.AnpdCommunication, onTime.KnowledgeAtUtc.AddHours(20), "ANPD-001"));
            db.CommunicationFilings.Add(Filing(incidentId, late.CoopId, FilingKind.AnpdCommunication, Brasilia.EndOfDayUtc(late.Anpd.Deadline).AddDays(2), "ANPD-002"));
            await db.SaveArrangedAsync(Ct);
        }

        var after = await ListAsync(AppRoles.PrivacyOfficer, new RegisterQuery(IncidentId: incidentId));

        var filed = after.Single(r => r.CoopId == onTime.CoopId);
        Assert.Equal(RelevanceResult.MustNotify, filed.Assessment);
        Assert.Equal(FilingState.OnTime, filed.Anpd.State);
        Assert.Equal("ANPD-001", filed.Anpd.Protocol);
        Assert.Equal(RegisterStatus.Filed, filed.Status);
        var tardy = after.Single(r => r.CoopId == late.CoopId);
        Assert.Equal(FilingState.Late, tardy.Anpd.State);
        Assert.Equal(RegisterStatus.Late, tardy.Status);
        Assert.Equal(filed, Assert.Single(await ListAsync(AppRoles.Auditor, new RegisterQuery(IncidentId: incidentId, Status: RegisterStatus.Filed))));

        // A newer version concluding "record only" replaces the first for a controller that never filed.
        var third = after.Single(r => r.CoopId == controllers[2].CoopId);
        await using (var db = fixture.CreateDb())
        {
            db.RelevanceAssessments.Add(Assessment(incidentId, third.CoopId, RelevanceResult.MustNotify, third.KnowledgeAtUtc.AddHours(1)));
            db.RelevanceAssessments.Add(Assessment(incidentId, third.CoopId, RelevanceResult.RecordOnly, third.KnowledgeAtUtc.AddHours(9), version: 2));
            await db.SaveArrangedAsync(Ct);
        }

        var recordOnly = (await ListAsync(AppRoles.Auditor, new RegisterQuery(IncidentId: incidentId))).Single(r => r.CoopId == third.CoopId);
        Assert.Equal(RelevanceResult.RecordOnly, recordOnly.Assessment);
        Assert.Equal(FilingState.NotRequired, recordOnly.Anpd.State);
        Assert.Equal(RegisterStatus.RecordOnly, recordOnly.Status);
    }

    [Fact]
    public async Task A_liaison_may_not_read_the_register_and_the_refusal_is_audited()
    {
        await using var db = fixture.CreateDb();
        var coopId = await db.Coops.Where(c => c.Code == "SP-004").Select(c => c.Id).SingleAsync(Ct);
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.CoopLiaison, coopId);

        Assert.True((await scope.ServiceProvider.GetRequiredService<RegisterService>().ListAsync(new RegisterQuery(), Ct)).IsForbidden);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == RegisterService.Entity && e.Action != AuditActions.Exported, Ct));
    }

    [Fact]
    public async Task The_csv_has_a_header_and_one_line_per_row_with_accents_intact_and_is_audited_while_a_liaison_gets_nothing()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        using var officer = await SignedInAsync(AppRoles.PrivacyOfficer);
        using var liaison = await SignedInAsync(AppRoles.CoopLiaison, "SP-004");
        var query = string.Create(CultureInfo.InvariantCulture, $"register/csv?incident={incidentId}");

        using var response = await officer.GetAsync(new Uri(query, UriKind.Relative), Ct);
        using var refused = await liaison.GetAsync(new Uri(query, UriKind.Relative), Ct);
        var page = await officer.GetStringAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"register?incident={incidentId}&uf=SP"), UriKind.Relative), Ct);
        var rows = await ListAsync(AppRoles.Auditor, new RegisterQuery(IncidentId: incidentId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + rows.Count, lines.Length);
        Assert.StartsWith("\"Referência\";\"Título\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Ciência (Brasília)\"", lines[0], StringComparison.Ordinal);
        Assert.All(rows, row => Assert.Contains(lines, l => l.Contains($"\"{row.CoopCode}\";\"{row.CoopName}\"", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("INC-2026-0001", StringComparison.Ordinal) && l.Contains("Instância", StringComparison.Ordinal));

        // The page, prerendered with the URL's filters: only the São Paulo controller.
        Assert.Contains("Registro de incidentes", page, StringComparison.Ordinal);
        Assert.Contains("SP-004", page, StringComparison.Ordinal);
        Assert.DoesNotContain("MG-002", page, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.ToString(), StringComparison.Ordinal);
        await using var db = fixture.CreateDb();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == RegisterService.Entity && e.Action == AuditActions.Exported, Ct));
    }

    private async Task<HttpClient> SignedInAsync(string role, string? coop = null)
    {
        var account = await TestAccounts.CreateAsync(fixture.Host, role, coop);
        var client = fixture.Host.CreateBrowserClient();
        (await SignIn.SignInAsync(client, account)).Dispose();
        return client;
    }

    private static RelevanceAssessment Assessment(int incidentId, int coopId, RelevanceResult result, DateTime atUtc, int version = 1) => new()
    {
        IncidentId = incidentId, CoopId = coopId, Version = version, SignificantEffect = result == RelevanceResult.MustNotify,
        Harms = HarmKinds.Reputation, Criteria = RelevanceCriteria.None, Rationale = "Dados de saúde em conversas: avaliação registrada.",
        Result = result, AssessedAtUtc = atUtc, AssessedBy = "Ana Encarregada",
    };

    private static CommunicationFiling Filing(int incidentId, int coopId, FilingKind kind, DateTime filedAtUtc, string protocol) => new()
    {
        IncidentId = incidentId, CoopId = coopId, Kind = kind, Protocol = protocol, FiledAtUtc = filedAtUtc,
        RecordedAtUtc = filedAtUtc, RecordedBy = "Ana Encarregada",
    };
}
