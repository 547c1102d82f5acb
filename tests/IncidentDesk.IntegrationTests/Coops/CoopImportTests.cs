using System.Text;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Coops;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Coops;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Coops;

/// <summary>
/// Updating the directory from an edited CSV file on a real database: all or nothing, matched by code, every change on
/// the audit trail. A host of its own, since these tests change co-ops.
/// </summary>
public sealed class CoopImportTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Header = "code;name;cnpj;uf;city;federation;encarregado_name;encarregado_email;encarregado_phone;small_processing_agent;active";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<CoopImportReport> ImportAsync(string text, string role = AppRoles.PrivacyOfficer)
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role);
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return (await scope.ServiceProvider.GetRequiredService<CoopImportService>().ImportAsync(file, Ct)).Value;
    }

    private async Task<byte[]> ExportAsync()
    {
        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        return (await scope.ServiceProvider.GetRequiredService<CoopDirectoryService>().ExportAsync(Ct)).Value;
    }

    private async Task<string> UnusedCnpjAsync(string twelveDigits)
    {
        var cnpj = Cnpj.Complete(twelveDigits);
        await using var db = fixture.CreateDb();
        Assert.False(await db.Coops.AnyAsync(c => c.Cnpj == cnpj, Ct));
        return cnpj;
    }

    private static string Line(Coop c, string? name = null, string? email = null, string? cnpj = null, string? uf = null) =>
        string.Join(';', c.Code, name ?? c.Name, cnpj ?? c.Cnpj, uf ?? c.Uf, c.City, c.Federation!.Code, c.EncarregadoName,
            email ?? c.EncarregadoEmail, c.EncarregadoPhone, c.IsSmallProcessingAgent ? "sim" : "não", c.IsActive ? "sim" : "não");

    private async Task<Coop> CoopAsync(string code)
    {
        await using var db = fixture.CreateDb();
        return await db.Coops.AsNoTracking().Include(c => c.Federation).SingleAsync(c => c.Code == code, Ct);
    }

    [Fact]
    public async Task A_file_with_good_and_bad_lines_writes_nothing_and_reports_every_bad_line()
    {
        var changed = await CoopAsync("SP-010");
        var template = await CoopAsync("SP-011");
        var brandNew = new Coop
        {
            Code = "SP-980", Name = "CoopSaúde Nova", Cnpj = await UnusedCnpjAsync("980000000001"), Uf = "SP", City = "Santos",
            Federation = template.Federation, EncarregadoName = "Nova Pessoa", EncarregadoEmail = "nova@coop.example", EncarregadoPhone = "+55 13 3000-0000",
        };
        await using (var before = fixture.CreateDb())
        {
            var count = await before.Coops.CountAsync(Ct);
            var text = string.Join("\r\n", Header, Line(changed, name: "Nome que não pode entrar"), Line(brandNew),
                Line(template, cnpj: "11.222.333/0001-82"), Line(await CoopAsync("SP-012"), uf: "XX")) + "\r\n";

            var report = await ImportAsync(text);

            Assert.False(report.Applied);
            Assert.Equal([new CoopCsvError(4, "cnpj", CoopCsvReason.InvalidCnpj), new CoopCsvError(5, "uf", CoopCsvReason.InvalidUf)], report.Errors);
            await using var after = fixture.CreateDb();
            Assert.Equal(count, await after.Coops.CountAsync(Ct));
            Assert.Equal(changed.Name, (await after.Coops.SingleAsync(c => c.Code == "SP-010", Ct)).Name);
            Assert.False(await after.Coops.AnyAsync(c => c.Code == "SP-980", Ct));
            Assert.False(await after.AuditEntries.AnyAsync(e => e.Action == AuditActions.CoopsImported && e.Changes!.Contains("SP-980"), Ct));
        }
    }

    [Fact]
    public async Task A_valid_file_updates_existing_codes_creates_new_ones_and_audits_each_change_and_the_import()
    {
        var existing = await CoopAsync("MG-010");
        var cnpj = await UnusedCnpjAsync("981000000001");
        var newLine = string.Join(';', "mg-981", CsvText.Cell("CoopSaúde \"Serra\"; Norte"), Cnpj.Format(cnpj), "mg", "Montes Claros", existing.Federation!.Name,
            "Joana D'Arc", "joana@coop.example", "'+55 38 3000-0000", "sim", "sim");
        await using var before = fixture.CreateDb();
        var count = await before.Coops.CountAsync(Ct);
        var lastAudit = await before.AuditEntries.MaxAsync(e => e.Sequence, Ct);

        var report = await ImportAsync($"{Header}\n{Line(existing, email: "novo.dpo@coop.example")}\n{newLine}\n");

        Assert.Equal(new CoopImportReport([], 1, 1, 0, true), report with { Errors = [] });
        Assert.Empty(report.Errors);
        await using var after = fixture.CreateDb();
        Assert.Equal(count + 1, await after.Coops.CountAsync(Ct));
        Assert.Equal("novo.dpo@coop.example", (await after.Coops.SingleAsync(c => c.Code == "MG-010", Ct)).EncarregadoEmail);
        var created = await after.Coops.SingleAsync(c => c.Code == "MG-981", Ct);
        Assert.Equal(("CoopSaúde \"Serra\"; Norte", cnpj, "MG", "+55 38 3000-0000", true, existing.FederationId),
            (created.Name, created.Cnpj, created.Uf, created.EncarregadoPhone, created.IsSmallProcessingAgent, created.FederationId));

        var entries = await after.AuditEntries.Where(e => e.Sequence > lastAudit).OrderBy(e => e.Sequence).ToListAsync(Ct);
        var update = Assert.Single(entries, e => e.Action == "Coop.Updated");
        Assert.Equal(existing.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), update.EntityId);
        Assert.Contains(existing.EncarregadoEmail, update.Changes!, StringComparison.Ordinal);
        Assert.Contains("novo.dpo@coop.example", update.Changes!, StringComparison.Ordinal);
        Assert.Single(entries, e => e.Action == "Coop.Created" && e.EntityId == created.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var summary = Assert.Single(entries, e => e.Action == AuditActions.CoopsImported);
        Assert.Contains("1 new, 1 updated, 0 unchanged", summary.Changes!, StringComparison.Ordinal);
        Assert.Equal(entries[^1], summary);

        // The same file again finds nothing to change and creates no duplicate.
        var again = await ImportAsync($"{Header}\n{Line(existing, email: "novo.dpo@coop.example")}\n{newLine}\n");
        Assert.Equal((0, 0, 2), (again.New, again.Updated, again.Unchanged));
        Assert.Equal(count + 1, await after.Coops.CountAsync(Ct));
    }

    [Fact]
    public async Task Importing_an_export_changes_nothing()
    {
        var export = await ExportAsync();
        await using var db = fixture.CreateDb();
        var count = await db.Coops.CountAsync(Ct);
        var lastAudit = await db.AuditEntries.MaxAsync(e => e.Sequence, Ct);

        await using var scope = Audit.ActingAs.Scope(fixture.Host, AppRoles.PrivacyOfficer);
        var report = (await scope.ServiceProvider.GetRequiredService<CoopImportService>().ImportAsync(new MemoryStream(export), Ct)).Value;

        Assert.Equal((0, 0, count, true), (report.New, report.Updated, report.Unchanged, report.Applied));
        Assert.Empty(report.Errors);
        Assert.DoesNotContain(await db.AuditEntries.Where(e => e.Sequence > lastAudit).Select(e => e.Action).ToListAsync(Ct),
            a => a is "Coop.Updated" or "Coop.Created");
    }

    [Theory]
    [InlineData(AppRoles.CoopLiaison)]
    [InlineData(AppRoles.Auditor)]
    public async Task Only_officers_may_import_and_a_refusal_is_audited(string role)
    {
        var name = $"Tentativa {Guid.NewGuid():N}"[..24];
        var coop = await CoopAsync("RJ-002");
        await using var scope = Audit.ActingAs.Scope(fixture.Host, role, role == AppRoles.CoopLiaison ? coop.Id : null);
        var import = scope.ServiceProvider.GetRequiredService<CoopImportService>();

        Assert.True((await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes($"{Header}\n{Line(coop, name: name)}\n")), Ct)).IsForbidden);

        await using var db = fixture.CreateDb();
        Assert.Equal(coop.Name, (await db.Coops.SingleAsync(c => c.Code == "RJ-002", Ct)).Name);
        var user = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.AccessDenied && e.EntityType == nameof(Coop) && e.ActorId == user.UserId, Ct));
    }

    [Fact]
    public async Task A_file_over_2_mb_is_refused_before_it_is_read()
    {
        var report = await ImportAsync(Header + "\n" + new string('x', (int)CoopImportService.MaxFileBytes));

        Assert.Equal(new CoopCsvError(0, null, CoopCsvReason.TooLarge), Assert.Single(report.Errors));
        Assert.False(report.Applied);
    }

    [Fact]
    public void The_import_limits_are_the_database_column_lengths()
    {
        using var db = fixture.CreateDb();
        var coop = db.Model.FindEntityType(typeof(Coop))!;
        Assert.Equal(
            [CoopLimits.Code, CoopLimits.Name, CoopLimits.City, CoopLimits.EncarregadoName, CoopLimits.EncarregadoEmail, CoopLimits.EncarregadoPhone],
            new[] { nameof(Coop.Code), nameof(Coop.Name), nameof(Coop.City), nameof(Coop.EncarregadoName), nameof(Coop.EncarregadoEmail), nameof(Coop.EncarregadoPhone) }
                .Select(p => coop.FindProperty(p)!.GetMaxLength()));
    }
}
