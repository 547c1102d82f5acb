using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Common;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data.Identity;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Mail.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Mail;

/// <summary>
/// The daily runs across the week of Tiradentes 2027 (Wednesday 21 April, a national holiday): reminders, the
/// encarregado's copy and the LGPD deadline alerts all count business days, run once a day, and send nothing when there is
/// nothing to say.
/// </summary>
public sealed class ReminderRunTests(HolidayWeek week) : IClassFixture<HolidayWeek>
{
    private static readonly DateOnly Monday = new(2027, 4, 19);
    private static readonly DateOnly Tuesday = Monday.AddDays(1);
    private static readonly DateOnly Tiradentes = Monday.AddDays(2);
    private static readonly DateOnly Thursday = Monday.AddDays(3);
    private static readonly DateOnly Friday = Monday.AddDays(4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnHostFixture Fixture => week.Fixture;

    [Fact]
    public async Task Reminders_count_business_days_across_the_holiday_and_copy_the_encarregado_only_after_two_of_them()
    {
        var monday = await RunRemindersAsync(Monday);
        Assert.Equal((1, 0, 0), (monday.Of(MailKind.LiaisonDigest), monday.Of(MailKind.Escalation), monday.Of(MailKind.OfficerDigest)));
        var digest = await MailAsync(MailKind.LiaisonDigest, week.Liaison.Email!, Monday);
        Assert.Contains("Vencem até terça-feira, 20/04/2027", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Confirmar o uso do chatbot", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Atrasadas", digest.TextBody, StringComparison.Ordinal);

        // Wednesday is Tiradentes: no run at all.
        var holiday = await RunRemindersAsync(Tiradentes);
        Assert.Equal(0, holiday.Total);
        await using (var db = Fixture.CreateDb())
        {
            Assert.False(await db.MailRuns.AnyAsync(r => r.Day == Tiradentes, Ct));
        }

        // Thursday: one business day late (Wednesday does not count) — a reminder, the officers' digest, no copy yet.
        var thursday = await RunRemindersAsync(Thursday);
        Assert.Equal((1, 0, 1), (thursday.Of(MailKind.LiaisonDigest), thursday.Of(MailKind.Escalation), thursday.Of(MailKind.OfficerDigest)));
        Assert.Contains("atrasada há 1 dia útil", (await MailAsync(MailKind.LiaisonDigest, week.Liaison.Email!, Thursday)).TextBody, StringComparison.Ordinal);
        var officers = await MailAsync(MailKind.OfficerDigest, IncidentDeskHost.OfficerEmail, Thursday);
        Assert.Contains($"{week.WithoutLiaison.Code} ", officers.TextBody, StringComparison.Ordinal);
        Assert.Contains("sem contato: nenhum ponto focal ativo", officers.TextBody, StringComparison.Ordinal);

        // Running Thursday again (a restart, a second instance) queues nothing more.
        var again = await RunRemindersAsync(Thursday);
        Assert.True(again.AlreadyRan);
        Assert.Equal(0, again.Total);

        // Friday: two business days late — both co-ops' encarregados are copied, the one with nobody on the desk too.
        var friday = await RunRemindersAsync(Friday);
        Assert.Equal((1, 2, 1), (friday.Of(MailKind.LiaisonDigest), friday.Of(MailKind.Escalation), friday.Of(MailKind.OfficerDigest)));
        var copy = await MailAsync(MailKind.Escalation, week.WithoutLiaison.Encarregado, Friday);
        Assert.Contains("não tem ponto focal ativo", copy.TextBody, StringComparison.Ordinal);
        Assert.Contains("atrasada há 2 dias úteis", copy.TextBody, StringComparison.Ordinal);
        Assert.Null(copy.UnsubscribeUrl);
        Assert.NotNull((await MailAsync(MailKind.LiaisonDigest, week.Liaison.Email!, Friday)).UnsubscribeUrl);
    }

    [Fact]
    public async Task A_run_that_finds_nothing_sends_nothing()
    {
        var before = await CountAsync();
        var quiet = await RunRemindersAsync(new DateOnly(2027, 3, 1));
        var alerts = await RunAlertsAsync(new DateOnly(2027, 3, 1));
        Assert.Equal((0, 0), (quiet.Total, alerts.Total));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Deadline_alerts_go_the_business_day_before_and_on_the_day_skipping_the_holiday_for_what_is_not_filed()
    {
        // Known on Monday: 3 business days are Tuesday, Thursday and Friday (Wednesday is Tiradentes).
        var monday = await RunAlertsAsync(Monday);
        Assert.Equal(0, CountFor(monday));
        Assert.Equal(0, CountFor(await RunAlertsAsync(Tuesday)));

        var thursday = await RunAlertsAsync(Thursday);
        Assert.Equal(1, CountFor(thursday));
        var dayBefore = await AlertAsync(Thursday);
        Assert.Equal($"[INC-2026-0001] {week.Controller.Code}: prazo LGPD termina no próximo dia útil, sexta-feira, 23/04/2027", dayBefore.Subject);
        Assert.Contains("Comunicação à ANPD", dayBefore.TextBody, StringComparison.Ordinal);
        Assert.Contains("Comunicado aos titulares", dayBefore.TextBody, StringComparison.Ordinal);
        Assert.Null(dayBefore.UnsubscribeUrl);

        // The ANPD communication is filed on Thursday; Friday's alert is about the subject notice only.
        await using (var db = Fixture.CreateDb())
        {
            db.CommunicationFilings.Add(new CommunicationFiling
            {
                IncidentId = await Fixture.ReferenceIncidentIdAsync(), CoopId = week.Controller.Id, Kind = FilingKind.AnpdCommunication,
                Protocol = "ANPD-2027-0001", FiledAtUtc = Brasilia.StartOfDayUtc(Thursday).AddHours(15), RecordedAtUtc = DateTime.UtcNow, RecordedBy = "test",
            });
            await db.SaveArrangedAsync(Ct);
        }

        Assert.Equal(1, CountFor(await RunAlertsAsync(Friday)));
        var onTheDay = await AlertAsync(Friday);
        Assert.Contains("prazo LGPD termina hoje", onTheDay.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Comunicação à ANPD", onTheDay.TextBody, StringComparison.Ordinal);
        Assert.Contains("Comunicado aos titulares", onTheDay.TextBody, StringComparison.Ordinal);
    }

    private static int CountFor(RunReport report) => report.Of(MailKind.DeadlineAlert);

    private async Task<RunReport> RunRemindersAsync(DateOnly day) =>
        await Fixture.Host.Services.GetRequiredService<ReminderRun>().RunAsync(day, DateTime.UtcNow, Ct);

    private async Task<RunReport> RunAlertsAsync(DateOnly day) =>
        await Fixture.Host.Services.GetRequiredService<DeadlineAlertRun>().RunAsync(day, DateTime.UtcNow, Ct);

    private async Task<int> CountAsync()
    {
        await using var db = Fixture.CreateDb();
        return await db.OutboxMails.CountAsync(Ct);
    }

    private async Task<OutboxMail> MailAsync(MailKind kind, string to, DateOnly day)
    {
        await using var db = Fixture.CreateDb();
        var key = $"|{kind}|";
        var suffix = $"|{day:yyyy-MM-dd}";
        var address = to.ToLowerInvariant();
        return await db.OutboxMails.SingleAsync(m => m.ToAddress == address && m.DedupKey.Contains(key) && m.DedupKey.EndsWith(suffix), Ct);
    }

    private async Task<OutboxMail> AlertAsync(DateOnly day)
    {
        await using var db = Fixture.CreateDb();
        var address = IncidentDeskHost.OfficerEmail;
        var stage = day == Friday ? "OnTheDay" : "DayBefore";
        return await db.OutboxMails.SingleAsync(m => m.ToAddress == address && m.Kind == MailKind.DeadlineAlert
            && m.DedupKey.Contains($"coop:{week.Controller.Id}|{stage}"), Ct);
    }
}

/// <summary>Its own desk, with one campaign task due on the Tuesday before Tiradentes and one controller co-op known on the Monday.</summary>
public sealed class HolidayWeek : IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2027, 4, 19);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public OwnHostFixture Fixture { get; } = new();

    public (int Id, string Code, string Encarregado) WithLiaison { get; private set; }

    public (int Id, string Code, string Encarregado) WithoutLiaison { get; private set; }

    public (int Id, string Code) Controller { get; private set; }

    public AppUser Liaison { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Fixture.InitializeAsync();
        var tuesday = Monday.AddDays(1);
        await using var db = Fixture.CreateDb();
        var incidentId = await Fixture.ReferenceIncidentIdAsync();
        var involved = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId).Select(v => v.CoopId).ToListAsync(Ct);
        var free = await db.Coops.Where(c => !involved.Contains(c.Id) && c.Uf == "MG").OrderBy(c => c.Code).Take(3)
            .Select(c => new { c.Id, c.Code, c.EncarregadoEmail }).ToListAsync(Ct);
        WithLiaison = (free[0].Id, free[0].Code, free[0].EncarregadoEmail);
        WithoutLiaison = (free[1].Id, free[1].Code, free[1].EncarregadoEmail);
        Controller = (free[2].Id, free[2].Code);

        var campaign = new Campaign { IncidentId = incidentId, Title = "Semana de Tiradentes", LaunchedAtUtc = Brasilia.StartOfDayUtc(Monday.AddDays(-7)).AddHours(10), LaunchedBy = "test" };
        campaign.Tasks.Add(new CampaignTask { Order = 1, Title = "Confirmar o uso do chatbot", DueAtUtc = Brasilia.EndOfDayUtc(tuesday) });
        db.Campaigns.Add(campaign);
        db.CoopInvolvements.Add(new CoopInvolvement
        {
            IncidentId = incidentId, CoopId = Controller.Id, Role = InvolvementRole.ControllerAffected,
            KnowledgeAtUtc = Brasilia.StartOfDayUtc(Monday).AddHours(10),
        });
        await db.SaveArrangedAsync(Ct);
        var task = campaign.Tasks[0];
        db.CoopTasks.AddRange(
            new CoopTask { CampaignId = campaign.Id, CampaignTaskId = task.Id, CoopId = WithLiaison.Id, UpdatedAtUtc = campaign.LaunchedAtUtc },
            new CoopTask { CampaignId = campaign.Id, CampaignTaskId = task.Id, CoopId = WithoutLiaison.Id, UpdatedAtUtc = campaign.LaunchedAtUtc },
            new CoopTask { CampaignId = campaign.Id, CampaignTaskId = task.Id, CoopId = Controller.Id, Status = CoopTaskStatus.Done, UpdatedAtUtc = campaign.LaunchedAtUtc });
        await db.SaveArrangedAsync(Ct);
        Liaison = await ArrangeLiaisonAsync(WithLiaison.Id);
    }

    public ValueTask DisposeAsync() => Fixture.DisposeAsync();

    private async Task<AppUser> ArrangeLiaisonAsync(int coopId)
    {
        await using var db = Fixture.CreateDb();
        var role = await db.Roles.Where(r => r.Name == Web.Security.AppRoles.CoopLiaison).Select(r => r.Id).SingleAsync(Ct);
        var email = $"lembrete.{Guid.NewGuid().ToString("N")[..8]}@coop.example";
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = "Lia Lembrete", CoopId = coopId, IsActive = true, SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = user.Id, RoleId = role });
        await db.SaveArrangedAsync(Ct);
        return user;
    }
}
