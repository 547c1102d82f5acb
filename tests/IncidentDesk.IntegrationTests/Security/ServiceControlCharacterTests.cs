using IncidentDesk.Core.Campaigns;
using IncidentDesk.Core.Incidents;
using IncidentDesk.IntegrationTests.Incidents;
using IncidentDesk.Testing;
using IncidentDesk.Web.Components;
using IncidentDesk.Web.Features.Campaigns;
using IncidentDesk.Web.Features.Campaigns.Tasks;
using IncidentDesk.Web.Features.Compliance;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Incidents.Involvement;
using IncidentDesk.Web.Features.Notifications.Versions;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Security;

/// <summary>
/// Text with a NUL (pasted from a spreadsheet export, or sent by a script) is refused by the services themselves, whoever
/// calls them — a page, the API, the command line — with the field named, and nothing of it is saved: it would otherwise
/// reach the ANPD drafts, the CSV exports and the audit trail. Each row is one service and one of its text fields.
/// </summary>
public sealed class ServiceControlCharacterTests(OwnHostFixture fixture) : IClassFixture<OwnHostFixture>
{
    private const string Nul = "\0";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What one row needs of the reference incident: its id, SP-004's involvement and a task of SP-004.</summary>
    private sealed record Arranged(int IncidentId, int CoopId, int InvolvementId, DateTime KnowledgeUtc, int TaskId, int TaskVersion);

    /// <summary>One service call that carries the NUL in <see cref="Field"/>, and a reading of what it would have changed.</summary>
    private sealed record Case(string Field, string Role, Func<IServiceProvider, Arranged, Task<Result>> Act,
        Func<IncidentDesk.Data.IncidentDeskDbContext, Arranged, Task<string>> Stored);

    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).AddDays(-1);

    private static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["key figure label"] = Figure("Label", new KeyFigureInput($"Pessoas{Nul}afetadas", 120, "pessoas", FigureStatus.Estimated, "TI", Yesterday, null)),
        ["key figure unit"] = Figure("Unit", new KeyFigureInput("Pessoas afetadas", 120, $"pes{Nul}soas", FigureStatus.Estimated, "TI", Yesterday, null)),
        ["key figure source"] = Figure("Source", new KeyFigureInput("Pessoas afetadas", 120, "pessoas", FigureStatus.Estimated, $"T{Nul}I", Yesterday, null)),
        ["key figure note"] = Figure("Note", new KeyFigureInput("Pessoas afetadas", 120, "pessoas", FigureStatus.Estimated, "TI", Yesterday, $"nota{Nul}")),
        ["involvement notes"] = new("Notes", AppRoles.PrivacyOfficer,
            async (s, a) => await s.GetRequiredService<InvolvementService>().UpdateAsync(
                a.InvolvementId, InvolvementRole.ControllerAffected, a.KnowledgeUtc, null, $"Contato: TI{Nul}", Ct),
            InvolvementAsync),
        ["involvement reason"] = new("Reason", AppRoles.PrivacyOfficer,
            async (s, a) => await s.GetRequiredService<InvolvementService>().UpdateAsync(
                a.InvolvementId, InvolvementRole.ControllerAffected, a.KnowledgeUtc.AddHours(-1), $"e-mail{Nul} achado depois", null, Ct),
            InvolvementAsync),
        ["task note"] = new("Note", AppRoles.CoopLiaison,
            async (s, a) => await s.GetRequiredService<CoopTaskService>().UpdateStatusAsync(
                a.TaskId, new TaskStatusInput(CoopTaskStatus.InProgress, $"Verificando{Nul}", null, a.TaskVersion), Ct),
            TaskAsync),
        ["task answer"] = new("Answer", AppRoles.CoopLiaison,
            async (s, a) => await s.GetRequiredService<CoopTaskService>().UpdateStatusAsync(
                a.TaskId, new TaskStatusInput(CoopTaskStatus.Done, null, $"Sim{Nul}", a.TaskVersion), Ct),
            TaskAsync),
        ["filing protocol"] = new(DraftFields.Protocol, AppRoles.PrivacyOfficer,
            async (s, a) => await s.GetRequiredService<FilingService>().RecordChannelsDeclarationAsync(
                a.IncidentId, a.CoopId, $"00261.000123{Nul}/2026-11", BrasiliaTime.ToLocal(a.KnowledgeUtc.AddHours(5)), Ct),
            async (db, a) => (await db.CommunicationFilings.CountAsync(f => f.IncidentId == a.IncidentId, Ct)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["filing delay reasons"] = new(DraftFields.DelayReasons, AppRoles.PrivacyOfficer,
            async (s, a) => await s.GetRequiredService<FilingService>().SaveDelayReasonsAsync(a.IncidentId, a.CoopId, $"Atraso{Nul} do fornecedor", Ct),
            InvolvementAsync),
        ["calendar closure reason"] = new(ClosureFields.Reason, AppRoles.PrivacyOfficer,
            async (s, _) => await s.GetRequiredService<CalendarService>().AddAsync(new DateOnly(2026, 4, 8), $"Feriado{Nul} municipal", Ct),
            async (db, _) => string.Join(",", await db.BusinessClosures.Select(c => c.Date).ToListAsync(Ct))),
    };

    public static TheoryData<string> Rows => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task A_nul_in_the_text_is_refused_with_the_field_named_and_nothing_is_saved(string row)
    {
        var @case = Cases[row];
        var arranged = await ArrangeAsync();
        string before;
        await using (var db = fixture.CreateDb())
        {
            before = await @case.Stored(db, arranged);
        }

        var person = @case.Role == AppRoles.CoopLiaison
            ? await TestAccounts.CreateAsync(fixture.Host, AppRoles.CoopLiaison, "SP-004", twoFactor: false)
            : await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        Result result;
        await using (var scope = await fixture.Host.ActingAsAsync(person))
        {
            result = await @case.Act(scope.ServiceProvider, arranged);
        }

        Assert.True(result.IsInvalid, $"{row}: {result.Status}");
        Assert.Equal("ControlCharacter", Assert.Contains(@case.Field, result.ErrorCodes));
        await using var after = fixture.CreateDb();
        Assert.Equal(before, await @case.Stored(after, arranged));
    }

    private static Case Figure(string field, KeyFigureInput input) => new(field, AppRoles.PrivacyOfficer,
        async (s, a) => await s.GetRequiredService<KeyFigureService>().AddAsync(a.IncidentId, input, Ct),
        async (db, a) => string.Join("|", await db.KeyFigures.Where(f => f.IncidentId == a.IncidentId).Select(f => f.Label + f.Unit + f.Source + f.Note).ToListAsync(Ct)));

    private static async Task<string> InvolvementAsync(IncidentDesk.Data.IncidentDeskDbContext db, Arranged a) =>
        await db.CoopInvolvements.Where(v => v.Id == a.InvolvementId)
            .Select(v => $"{v.Role}|{v.KnowledgeAtUtc:O}|{v.Notes}|{v.DelayReasons}").SingleAsync(Ct);

    private static async Task<string> TaskAsync(IncidentDesk.Data.IncidentDeskDbContext db, Arranged a) =>
        await db.CoopTasks.Where(t => t.Id == a.TaskId).Select(t => $"{t.Version}|{t.Status}|{t.Note}|{t.Answer}").SingleAsync(Ct);

    /// <summary>SP-004's part in the reference incident, and a fresh one-question campaign task of SP-004 on it.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var incidentId = await fixture.ReferenceIncidentIdAsync();
        await using var db = fixture.CreateDb();
        var involvement = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId && v.Coop!.Code == "SP-004")
            .Select(v => new { v.Id, v.CoopId, v.KnowledgeAtUtc }).SingleAsync(Ct);
        var officer = await TestAccounts.CreateAsync(fixture.Host, AppRoles.PrivacyOfficer);
        await using var scope = await fixture.Host.ActingAsAsync(officer);
        var launched = await scope.ServiceProvider.GetRequiredService<CampaignService>().LaunchAsync(new CampaignLaunch(incidentId,
            $"Campanha {Guid.NewGuid():N}", null, [new("Há pastas públicas com dados de beneficiários?", null, 2, false, TaskAnswerType.YesNo)],
            CampaignAudience.Uf, "SP"), Ct);
        Assert.True(launched.Succeeded);
        var task = await db.CoopTasks.Where(t => t.CampaignId == launched.Value.CampaignId && t.CoopId == involvement.CoopId)
            .Select(t => new { t.Id, t.Version }).SingleAsync(Ct);
        return new Arranged(incidentId, involvement.CoopId, involvement.Id, involvement.KnowledgeAtUtc, task.Id, task.Version);
    }
}
