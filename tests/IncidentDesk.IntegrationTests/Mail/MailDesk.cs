using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data;
using IncidentDesk.Data.Identity;

using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>
/// The desk on Kestrel with its mail going to a real SMTP server on loopback: the desk's port is fixed before it starts,
/// so the links in its mails (IncidentDesk:PublicUrl) point at it.
/// </summary>
public sealed class MailDesk : IAsyncDisposable
{
    private readonly bool _ownsSmtp;

    private MailDesk(TestSmtpServer smtp, IncidentDeskHost host, bool ownsSmtp)
    {
        Smtp = smtp;
        Host = host;
        _ownsSmtp = ownsSmtp;
    }

    public TestSmtpServer Smtp { get; }

    public IncidentDeskHost Host { get; }

    public static MailDesk Start(IReadOnlyDictionary<string, string?>? extra = null, TestSmtpServer? smtp = null, bool bootstrapOfficer = true)
    {
        var ownsSmtp = smtp is null;
        smtp ??= TestSmtpServer.Start();
        var port = LoopbackPort.Free();
        var settings = smtp.DeskSettings(port);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new MailDesk(smtp, new IncidentDeskHost(bootstrapOfficer: bootstrapOfficer, settings: settings) { Port = port }.Start(), ownsSmtp);
    }

    public IncidentDeskDbContext CreateDb() => Host.Services.GetRequiredService<FederationWideDb>().CreateDbContext();

    public AsyncServiceScope Officer() => Host.OperatorScope("officer@federacao.example");

    public async Task<int> CoopIdAsync(string code)
    {
        await using var db = CreateDb();
        return await db.Coops.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    public async Task<int> ReferenceIncidentIdAsync()
    {
        await using var db = CreateDb();
        return await db.Incidents.Where(i => i.Reference == "INC-2026-0001").Select(i => i.Id).SingleAsync();
    }

    public async Task<List<OutboxMail>> OutboxAsync(Func<IQueryable<OutboxMail>, IQueryable<OutboxMail>>? filter = null)
    {
        await using var db = CreateDb();
        var rows = db.OutboxMails.AsNoTracking();
        return await (filter is null ? rows : filter(rows)).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Waits until the outbox satisfies a condition (checked again whenever the SMTP server receives or refuses).</summary>
    public async Task<List<OutboxMail>> UntilAsync(Func<List<OutboxMail>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var rows = await OutboxAsync();
            if (condition(rows))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox never reached the expected state: {string.Join(", ", rows.Select(r => $"{r.Id}:{r.State}"))}");
            }

            // The sender records each attempt right after the server answers; look again shortly.
            await Task.Delay(25);
        }
    }

    /// <summary>Liaison accounts (one per co-op given), arranged straight in the database: no password, no sign-in needed.</summary>
    public async Task<List<AppUser>> ArrangeLiaisonsAsync(IEnumerable<int> coopIds, MailDelivery delivery = MailDelivery.Immediate, string prefix = "ponto")
    {
        await using var db = CreateDb();
        var role = await db.Roles.Where(r => r.Name == AppRoles.CoopLiaison).Select(r => r.Id).SingleAsync();
        var users = coopIds.Select(id =>
        {
            var email = $"{prefix}.{id}.{Guid.NewGuid().ToString("N")[..8]}@coop.example";
            return new AppUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"Ponto Focal {id}", CoopId = id, IsActive = true, SecurityStamp = Guid.NewGuid().ToString(),
                MailDelivery = delivery, CreatedAtUtc = DateTime.UtcNow,
            };
        }).ToList();
        db.Users.AddRange(users);
        db.UserRoles.AddRange(users.Select(u => new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = u.Id, RoleId = role }));
        await db.SaveArrangedAsync();
        return users;
    }

    /// <summary>A campaign of <paramref name="tasks"/> ad-hoc tasks to every co-op, launched by an officer.</summary>
    /// <summary>Launches ad-hoc tasks on the reference incident; a <paramref name="duplicateReason"/> repeats an active campaign on purpose.</summary>
    public async Task<Result<LaunchedCampaign>> LaunchAsync(
        string title, int tasks = 12, CampaignAudience audience = CampaignAudience.AllCoops, string? filter = null, string? duplicateReason = null)
    {
        await using var scope = Audit.ActingAs.Scope(Host, AppRoles.PrivacyOfficer);
        var launch = new CampaignLaunch(await ReferenceIncidentIdAsync(), title, null,
            [.. Enumerable.Range(1, tasks).Select(i => new CampaignTaskInput($"Tarefa {i}: conferir exposição", "Instruções", 2 + (i % 3), false, TaskAnswerType.StatusOnly))],
            audience, filter, AllowDuplicate: duplicateReason is not null, DuplicateReason: duplicateReason);
        return await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(launch);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsSmtp)
        {
            await Smtp.DisposeAsync();
        }
    }
}

/// <summary>One mail-sending desk per test class.</summary>
public sealed class MailDeskFixture : IAsyncLifetime
{
    public MailDesk Desk { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        Desk = MailDesk.Start();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Desk.DisposeAsync();
}
