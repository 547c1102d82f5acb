using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Coops;
using IncidentDesk.Data.Identity;
using IncidentDesk.Data.Audit;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Tokens;
using IncidentDesk.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Faults;

/// <summary>A liaison's API token and the tasks of their co-op the burst moves.</summary>
internal sealed record FaultLiaison(int CoopId, string Token, IReadOnlyList<int> TaskIds);

/// <summary>
/// A data folder made once with the app's own services — the 340-co-op directory and reference incident, a campaign whose
/// tasks liaisons will answer, liaison and officer tokens — and copied for every fault run, so each child desk starts
/// from the same known state without paying for seeding again.
/// </summary>
internal sealed class FaultDeskTemplate : IDisposable
{
    public const int CampaignTasks = 4;

    /// <summary>The steps of the playbook an officer launches to every co-op in the launch scenario: 340 × 12 co-op tasks.</summary>
    public const int LaunchSteps = 12;

    /// <summary>Sorted first among the playbooks, so the launch dialog opens with it.</summary>
    public const string LaunchPlaybook = "Avaliação completa em 12 etapas";

    private FaultDeskTemplate(string folder) => Folder = folder;

    public string Folder { get; }
    public int IncidentId { get; private set; }
    public int CoopCount { get; private set; }
    public string OfficerToken { get; private set; } = "";
    public IReadOnlyList<FaultLiaison> Liaisons { get; private set; } = [];

    /// <summary>An officer who signs in through the browser (password and authenticator code).</summary>
    public TestAccount Officer { get; private set; } = null!;

    /// <summary>The directory as the export writes it: the import scenario changes every row of it.</summary>
    public IReadOnlyList<Coop> Directory { get; private set; } = [];

    public static async Task<FaultDeskTemplate> PrepareAsync(int liaisons)
    {
        var template = new FaultDeskTemplate(System.IO.Directory.CreateTempSubdirectory("incidentdesk-faults-template-").FullName);
        await using var run = await FederationRun.StartAsync();
        template.IncidentId = run.IncidentId;
        template.CoopCount = run.CoopCount;
        int campaignId;
        await using (var officer = run.ActingAs(AppRoles.PrivacyOfficer))
        {
            var tasks = Enumerable.Range(1, CampaignTasks)
                .Select(n => new CampaignTaskInput($"Tarefa {n}", "Instruções da tarefa.", 3, false, TaskAnswerType.StatusOnly)).ToList();
            var launched = await officer.ServiceProvider.GetRequiredService<CampaignService>()
                .LaunchAsync(new CampaignLaunch(run.IncidentId, "Campanha dos testes de falha", null, tasks, CampaignAudience.AllCoops));
            campaignId = launched.Succeeded ? launched.Value.CampaignId : throw new InvalidOperationException(launched.ToString());
        }

        List<(int CoopId, int TaskId)> coopTasks;
        await using (var db = run.CreateDb())
        {
            var playbook = new Playbook { Name = LaunchPlaybook, Description = "Cenário de falha: lançamento a todas as cooperativas." };
            playbook.Steps.AddRange(Enumerable.Range(1, LaunchSteps).Select(n => new PlaybookStep
            {
                Order = n, Title = $"Etapa {n}", Instructions = "Instruções da etapa.", DueInBusinessDays = 1 + (n % 5),
                AnswerType = TaskAnswerType.StatusOnly,
            }));
            db.Playbooks.Add(playbook);
            await db.SaveArrangedAsync();
            template.Directory = await db.Coops.AsNoTracking().Include(c => c.Federation).OrderBy(c => c.Code).ToListAsync();
            coopTasks = await db.CoopTasks.Where(t => t.CampaignId == campaignId).OrderBy(t => t.CoopId).ThenBy(t => t.Id)
                .Select(t => new ValueTuple<int, int>(t.CoopId, t.Id)).ToListAsync();
        }

        template.Officer = await TestAccounts.CreateAsync(run.Host, AppRoles.PrivacyOfficer);
        await using (var scope = run.Host.OperatorScope("fault run"))
        {
            template.OfficerToken = await TokenAsync(scope.ServiceProvider, AppRoles.PrivacyOfficer, null);
            var people = new List<FaultLiaison>();
            foreach (var coop in coopTasks.GroupBy(t => t.CoopId).Take(liaisons))
            {
                people.Add(new FaultLiaison(coop.Key, await TokenAsync(scope.ServiceProvider, AppRoles.CoopLiaison, coop.Key),
                    coop.Select(t => t.TaskId).ToList()));
            }

            template.Liaisons = people;
        }

        // SQLite's online backup gives a consistent file while the app is still up; the keys and checkpoints go with it.
        await using (var live = new SqliteConnection(run.ConnectionString))
        await using (var copy = new SqliteConnection($"Data Source={Path.Combine(template.Folder, "incidentdesk.db")};Pooling=False"))
        {
            CopyFolder(run.Host.AuditKeysFolder, Path.Combine(template.Folder, "audit-keys"));
            CopyFolder(run.Host.CheckpointsFolder, Path.Combine(template.Folder, "audit-checkpoints"));
            await live.OpenAsync();
            await copy.OpenAsync();
            live.BackupDatabase(copy);
        }

        return template;
    }

    /// <summary>A fresh data folder holding a copy of the template, for one child desk.</summary>
    public ChildDesk NewDesk()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("incidentdesk-faults-").FullName;
        CopyInto(folder);
        return new ChildDesk(folder);
    }

    /// <summary>Copies the template's database, audit keys and checkpoints into <paramref name="folder"/>.</summary>
    public void CopyInto(string folder)
    {
        File.Copy(Path.Combine(Folder, "incidentdesk.db"), Path.Combine(folder, "incidentdesk.db"));
        CopyFolder(Path.Combine(Folder, "audit-keys"), Path.Combine(folder, "audit-keys"));
        CopyFolder(Path.Combine(Folder, "audit-checkpoints"), Path.Combine(folder, "audit-checkpoints"));
    }

    public static void CopyFolder(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    internal static async Task<string> TokenAsync(IServiceProvider services, string role, int? coopId)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@falhas.example";
        // No password (nobody signs in with one; the API takes tokens); 2FA marked enrolled as the desk requires of token users.
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CoopId = coopId, TwoFactorEnabled = true };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, role));
        var created = await services.GetRequiredService<PersonalAccessTokenService>()
            .CreateForUserAsync(user.Id, "falhas", 1, new AuditActor(null, "fault run"));
        return created.Secret;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public void Dispose() => DeleteFolder(Folder);
}
