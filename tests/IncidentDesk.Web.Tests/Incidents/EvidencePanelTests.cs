using System.Security.Claims;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Evidence;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The evidence tab over the real <see cref="EvidenceService"/> and SQLite: what each evidence says about itself,
/// that user text stays text, that links open safely, and that only officers are offered "Adicionar evidência".
/// </summary>
public sealed class EvidencePanelTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private static readonly TimeSpan Patience = Waits.Patience;
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _viewer = new();

    public EvidencePanelTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton(new EvidenceStore(Options.Create(new IncidentDeskOptions()), new NoWebRoot()));
        Services.AddScoped<AuditLog>();
        Services.AddScoped<EvidenceService>();
        Services.AddScoped(_ => _viewer);
    }

    private void ActAsOfficer()
    {
        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "officer"), new Claim(ClaimTypes.Name, "officer@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.PrivacyOfficer)], "test")));
        var auth = AddAuthorization();
        auth.SetAuthorized("officer@federacao.example");
        auth.SetRoles(AppRoles.PrivacyOfficer);
        auth.SetPolicies(Policies.Officer, Policies.OfficerOrAuditor);
    }

    private void ActAsAuditor()
    {
        _viewer.Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "auditor"), new Claim(ClaimTypes.Name, "auditor@federacao.example"),
             new Claim(ClaimTypes.Role, AppRoles.Auditor)], "test")));
        var auth = AddAuthorization();
        auth.SetAuthorized("auditor@federacao.example");
        auth.SetRoles(AppRoles.Auditor);
        auth.SetPolicies(Policies.OfficerOrAuditor);
    }

    private async Task<int> IncidentWithAsync(params Evidence[] evidence)
    {
        await using var db = _database.CreateContext();
        var now = DateTime.UtcNow;
        var incident = new Incident
        {
            Reference = $"INC-2026-{Random.Shared.Next(1000, 999999)}", Title = "Teste", Summary = "Teste",
            ReportedAtUtc = now, KnowledgeAtUtc = now, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        db.Incidents.Add(incident);
        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        foreach (var e in evidence)
        {
            e.IncidentId = incident.Id;
            db.Evidence.Add(e);
        }

        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
        return incident.Id;
    }

    private static Evidence File(string title, string fileName, long size, bool shared = false) => new()
    {
        Kind = EvidenceKind.File, Title = title, FileName = fileName, StoredName = Guid.NewGuid().ToString("N"),
        ContentType = "application/pdf", SizeBytes = size, Sha256 = new string('a', 63) + "f", SharedWithCoops = shared,
        AddedBy = "ana@federacao.example", AddedAtUtc = new DateTime(2026, 4, 6, 20, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task A_file_shows_its_name_size_in_pt_br_sha256_who_and_when_in_brasilia_time_and_a_download_link()
    {
        ActAsOfficer();
        var incidentId = await IncidentWithAsync(File("Relatório dos pesquisadores", "relatorio.pdf", 1_258_291, shared: true));

        var cut = RenderWithMud<EvidencePanel>(p => p.Add(c => c.IncidentId, incidentId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evidence-row]")), Patience);
        var text = cut.Find("[data-testid=evidence-list]").TextContent;
        Assert.Contains("relatorio.pdf", text, StringComparison.Ordinal);
        Assert.Contains("1,2\u00A0MB", text, StringComparison.Ordinal);
        Assert.Contains("06/04/2026 17:00", text, StringComparison.Ordinal);
        Assert.Contains("por ana@federacao.example", text, StringComparison.Ordinal);
        Assert.Contains("Compartilhada", text, StringComparison.Ordinal);
        Assert.Equal(new string('a', 63) + "f", cut.Find("[data-testid=evidence-sha256]").TextContent);
        var download = cut.Find("a[data-testid=evidence-download]");
        Assert.Matches($"^incidents/{incidentId}/evidence/[0-9]+/download$", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
        Assert.Single(cut.FindAll("[data-testid=evidence-add]"));
    }

    [Fact]
    public async Task A_link_opens_in_a_new_tab_without_opener_or_referrer()
    {
        ActAsOfficer();
        var incidentId = await IncidentWithAsync(new Evidence
        {
            Kind = EvidenceKind.Link, Title = "Matéria", Url = "https://jornal.example.org/vazamento", AddedBy = "ana", AddedAtUtc = DateTime.UtcNow,
        });

        var cut = RenderWithMud<EvidencePanel>(p => p.Add(c => c.IncidentId, incidentId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("a[data-testid=evidence-open]")), Patience);
        var link = cut.Find("a[data-testid=evidence-open]");
        Assert.Equal("https://jornal.example.org/vazamento", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Empty(cut.FindAll("[data-testid=evidence-download]"));
    }

    [Fact]
    public async Task Script_in_a_title_or_file_name_is_shown_as_text()
    {
        ActAsOfficer();
        const string script = "<script>alert('x')</script>";
        var incidentId = await IncidentWithAsync(File(script, $"{script}.pdf", 10));

        var cut = RenderWithMud<EvidencePanel>(p => p.Add(c => c.IncidentId, incidentId));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evidence-row]")), Patience);
        Assert.Empty(cut.FindAll("[data-testid=evidence-list] script"));
        Assert.Contains(script, cut.Find("[data-testid=evidence-row]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_sees_the_empty_state_and_is_not_offered_to_add()
    {
        ActAsAuditor();
        var incidentId = await IncidentWithAsync();

        var cut = RenderWithMud<EvidencePanel>(p => p.Add(c => c.IncidentId, incidentId));

        cut.WaitForAssertion(() => Assert.Equal("Nenhuma evidência registrada para este incidente.",
            cut.Find("[data-testid=evidence-empty]").TextContent.Trim()), Patience);
        Assert.Empty(cut.FindAll("[data-testid=evidence-add]"));
    }
}
