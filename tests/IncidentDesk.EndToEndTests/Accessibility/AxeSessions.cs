using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;
using IncidentDesk.Data.Seeding;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentDesk.EndToEndTests.Accessibility;

/// <summary>
/// The people the accessibility tests browse as, each signed in once through the real form (their cookies reused by
/// every run), and the records their screens show: the reference incident with a campaign of its own, so the matrix and
/// the liaison's task list have cells and cards. The campaign goes to Amapá's co-ops, which no other browser test uses:
/// journeys that count a São Paulo liaison's tasks are not disturbed. The gate's classes run side by side and share
/// one set of sessions and records, made by whichever class starts first.
/// </summary>
public sealed class AxeSessions(BrowserFixture browser) : IAsyncLifetime
{
    private const string LiaisonCoop = "AP-001";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Prepared? _prepared;

    private sealed record Prepared(AxeWorld World, TestAccount Officer, TestAccount Liaison, Dictionary<Audience, string> States);

    private Prepared? _made;

    private Prepared Made => _made ?? throw new InvalidOperationException("The accessibility sessions were not prepared.");

    public AxeWorld World => Made.World;
    public TestAccount Officer => Made.Officer;
    public TestAccount Liaison => Made.Liaison;

    public async ValueTask InitializeAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            _made = _prepared ??= await PrepareAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<Prepared> PrepareAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var states = new Dictionary<Audience, string>();
        var officer = await TestAccounts.CreateAsync(browser.Host, "PrivacyOfficer", displayName: "Beatriz Conformidade");
        var auditor = await TestAccounts.CreateAsync(browser.Host, "Auditor", displayName: "Caio Auditoria");
        var liaison = await TestAccounts.CreateAsync(browser.Host, "CoopLiaison", LiaisonCoop, twoFactor: false, displayName: "Joana Ligação");
        // The 2FA page gives an account without a key its first one, which ends the person's other sessions: the scans
        // reuse this session's cookies, so the key is made before the sign-in.
        using (var scope = browser.Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(liaison.Email);
            await users.ResetAuthenticatorKeyAsync(user!);
        }

        AxeWorld world;
        await using (var scope = await browser.Host.ActingAsAsync(browser.Officer))
        {
            var db = scope.ServiceProvider.GetRequiredService<IncidentDeskDbContext>();
            var incidentId = await db.Incidents.Where(i => i.Reference == ReferenceIncidentSeed.Reference).Select(i => i.Id).SingleAsync(ct);
            var playbookId = await db.Playbooks.Where(p => p.Name == PlaybookSeed.ExposedBrokerName).Select(p => p.Id).SingleAsync(ct);
            var coopId = await db.Coops.Where(c => c.Code == LiaisonCoop).Select(c => c.Id).SingleAsync(ct);
            var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(incidentId, "Verificação de acessibilidade", playbookId, null, CampaignAudience.Uf, "AP",
                    // Other journeys on this shared host may have launched the playbook on the reference incident already.
                    AllowDuplicate: true, DuplicateReason: "Varredura de acessibilidade com suas próprias tarefas"), ct);
            Assert.True(launched.Succeeded);
            await ArrangeBrokersAsync(db, coopId, ct);
            world = new AxeWorld(incidentId, coopId, playbookId, officer);
        }

        foreach (var (who, account) in new[] { (Audience.Officer, officer), (Audience.Auditor, auditor), (Audience.Liaison, liaison) })
        {
            var page = await browser.NewPageAsync();
            page.Context.SetDefaultTimeout(BrowserFixture.SetUpPatience);
            await page.SignInAsync(account);
            states[who] = await page.Context.StorageStateAsync();
            await page.Context.CloseAsync();
        }

        return new Prepared(world, officer, liaison, states);
    }

    /// <summary>
    /// Amapá's declared brokers, for the exposure list, its history and the co-op page: one authorized and found exposed (a
    /// check on record, no task: the standing exposure incident would change other journeys' incident lists), one declared
    /// without authorization. Nothing is contacted: the names are not resolvable and no check runs.
    /// </summary>
    private static async Task ArrangeBrokersAsync(IncidentDeskDbContext db, int coopId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var exposed = new BrokerEndpoint
        {
            CoopId = coopId, Host = "kafka.ap-001.example", Port = 9092, DeclaredAtUtc = now.AddDays(-2), DeclaredBy = "joana@ap-001.example",
            AuthorizedAtUtc = now.AddDays(-2), AuthorizedBy = "joana@ap-001.example", LastCheckedAtUtc = now.AddHours(-3),
            CheckClaimedAtUtc = now.AddHours(-3), LastOutcome = ExposureOutcome.Exposed, LastDetail = CheckDetail.TopicsListed, LastTopicCount = 3,
        };
        db.BrokerEndpoints.Add(exposed);
        db.BrokerEndpoints.Add(new BrokerEndpoint
        {
            CoopId = coopId, Host = "mensageria.ap-001.example", Port = 9093, DeclaredAtUtc = now.AddDays(-1), DeclaredBy = "joana@ap-001.example",
        });
        await db.SaveArrangedAsync(ct);
        db.ExposureChecks.Add(new ExposureCheck
        {
            EndpointId = exposed.Id, CoopId = coopId, CheckedAtUtc = now.AddHours(-3), DurationMs = 41, Outcome = ExposureOutcome.Exposed,
            Detail = CheckDetail.TopicsListed, ContactedAddress = "kafka.ap-001.example:9092", TopicCount = 3,
            TopicNames = ExposureCheck.JoinTopicNames(["beneficiarios.cadastro", "chatbot.anexos", "chatbot.conversas"]),
        });
        await db.SaveArrangedAsync(ct);
    }

    /// <summary>A page signed in as <paramref name="who"/> (nobody for <see cref="Audience.Visitor"/>) at the given width and colour scheme.</summary>
    public Task<IPage> NewPageAsync(Audience who, int width, ColorScheme scheme) =>
        browser.NewPageAsync(Made.States.GetValueOrDefault(who), width, width < 600 ? 844 : 900, scheme);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
