using System.Security.Claims;
using IncidentDesk.Core.Mail;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Mail;
using IncidentDesk.Web.Features.Mail.MailLog;
using IncidentDesk.Web.Features.Mail.Sending;
using IncidentDesk.Web.Security;
using IncidentDesk.Web.Tests.Infrastructure;
using IncidentDesk.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Web.Tests.Mail;

/// <summary>
/// The mail log's filters, and the log itself over a real SQLite database: kind, state and recipient narrow the rows, the
/// state counts filter with one click, a failed mail offers "send again" to officers only, and states read as words.
/// </summary>
public sealed class MailLogTests : MudComponentTestBase, IClassFixture<SeededDirectoryDatabase>
{
    private readonly SeededDirectoryDatabase _database;
    private readonly CurrentUser _user = new();
    private MailLogQuery? _changed;

    public MailLogTests(SeededDirectoryDatabase database)
    {
        _database = database;
        AddDeskDatabase(database.Configure);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<AuditLog>();
        Services.AddScoped(_ => _user);
        Services.AddDeskMail();
        Services.AddScoped<MailLogService>();
        ActAs(AppRoles.PrivacyOfficer);
    }

    [Fact]
    public void The_state_counts_are_words_with_their_number_and_filter_with_one_click()
    {
        var filters = RenderFilters(new Dictionary<MailState, int> { [MailState.Sent] = 12, [MailState.Failed] = 1 });

        var failed = filters.Find("[data-testid=mail-count-Failed]");
        Assert.Equal("Falhou: 1", failed.TextContent.Trim());
        Assert.Equal("false", failed.GetAttribute("aria-pressed"));
        Assert.Equal("Enviado: 12", filters.Find("[data-testid=mail-count-Sent]").TextContent.Trim());
        Assert.Empty(filters.FindAll("[data-testid=mail-count-Held]"));

        failed.Click();
        Assert.Equal(new MailLogQuery(State: MailState.Failed), _changed);

        filters.Find("[data-testid=mail-filter-clear]").Click();
        Assert.Equal(new MailLogQuery(), _changed);
    }

    [Fact]
    public void Typing_a_recipient_filters_by_it()
    {
        var filters = RenderFilters(null);

        filters.Find("input[data-testid=mail-filter-recipient]").Input("sp-004");

        filters.WaitForAssertion(() => Assert.Equal(new MailLogQuery(Recipient: "sp-004"), _changed));
    }

    [Fact]
    public async Task The_log_shows_only_the_filtered_state_with_the_servers_answer_and_offers_officers_to_send_a_failed_mail_again()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ArrangeAsync(tag);

        var grid = RenderWithMud<MailLogGrid>(p => p.Add(g => g.Filter, new MailLogQuery(State: MailState.Failed, Recipient: tag)));

        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("[data-testid=mail-state]")));
        var state = grid.Find("[data-testid=mail-state]");
        Assert.Equal("Falhou", state.TextContent.Trim());
        Assert.Equal($"falhou.{tag}@coop.example", grid.Find("[data-testid=mail-recipient]").TextContent.Trim());
        Assert.Equal("550 5.1.1 Mailbox unavailable", grid.Find("[data-testid=mail-answer]").TextContent.Trim());
        Assert.Equal("Reenviar", grid.Find("[data-testid=mail-resend]").TextContent.Trim());
    }

    [Fact]
    public async Task An_auditor_reads_the_log_but_gets_no_action()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ArrangeAsync(tag);
        ActAs(AppRoles.Auditor);

        var grid = RenderWithMud<MailLogGrid>(p => p.Add(g => g.Filter, new MailLogQuery(Recipient: tag)));

        grid.WaitForAssertion(() => Assert.Equal(3, grid.FindAll("[data-testid=mail-state]").Count));
        Assert.Empty(grid.FindAll("[data-testid=mail-resend]"));
        Assert.Empty(grid.FindAll("[data-testid=mail-release]"));
        Assert.Equal(["Retido", "Falhou", "Enviado"], grid.FindAll("[data-testid=mail-state]").Select(s => s.TextContent.Trim()));
    }

    [Fact]
    public async Task An_officer_discards_a_held_notice_from_its_row_and_it_leaves_the_held_view()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await ArrangeAsync(tag);

        var grid = RenderWithMud<MailLogGrid>(p => p.Add(g => g.Filter, new MailLogQuery(State: MailState.Held, Recipient: tag)));

        grid.WaitForAssertion(() => Assert.Single(grid.FindAll("[data-testid=mail-state]")));
        Assert.Equal("Enviar", grid.Find("[data-testid=mail-release]").TextContent.Trim());
        grid.Find("[data-testid=mail-discard]").Click();

        grid.WaitForAssertion(() => Assert.Empty(grid.FindAll("[data-testid=mail-state]")));
        await using var db = _database.CreateContext();
        Assert.Equal(MailState.Discarded, await db.OutboxMails.Where(m => m.DedupKey == $"retido.{tag}").Select(m => m.State)
            .SingleAsync(Xunit.TestContext.Current.CancellationToken));
    }

    private IRenderedComponent<MailLogFilters> RenderFilters(IReadOnlyDictionary<MailState, int>? counts) =>
        RenderWithMud<MailLogFilters>(p => p
            .Add(f => f.Counts, counts)
            .Add(f => f.Changed, EventCallback.Factory.Create<MailLogQuery>(this, q => _changed = q)));

    private void ActAs(string role) => _user.Set(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, role), new Claim(ClaimTypes.Name, $"{role}@federacao.example"), new Claim(ClaimTypes.Role, role)], "test")));

    private async Task ArrangeAsync(string tag)
    {
        await using var db = _database.CreateContext();
        var now = DateTime.UtcNow;
        OutboxMail Mail(string who, MailState state, string? answer) => new()
        {
            Kind = MailKind.CampaignNotice, State = state, DedupKey = $"{who}.{tag}", MessageId = $"{who}.{tag}@test", ToAddress = $"{who}.{tag}@coop.example",
            Subject = "[INC-2026-0001] Novas tarefas", TextBody = "Olá", Fingerprint = $"{who}.{tag}", CreatedAtUtc = now, NextAttemptAtUtc = now,
            Attempts = answer is null ? 0 : 1, LastAnswer = answer,
        };
        db.OutboxMails.AddRange(Mail("enviado", MailState.Sent, "250 2.0.0 Ok"), Mail("falhou", MailState.Failed, "550 5.1.1 Mailbox unavailable"),
            Mail("retido", MailState.Held, null));
        await db.SaveArrangedAsync(Xunit.TestContext.Current.CancellationToken);
    }
}
