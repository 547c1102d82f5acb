using System.Diagnostics;
using System.Globalization;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Data;
using IncidentDesk.Testing;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.IntegrationTests.Incidents;

/// <summary>One incident as seeded; the tests derive what each query should return from this list.</summary>
public sealed record SeededIncident(
    string Reference, string Title, string Summary, IncidentStatus Status, IncidentSeverity Severity,
    ReportSource Source, DateTime ReportedAtUtc, string[] Coops);

/// <summary>
/// A host of its own (the shared one must keep exactly one incident) with 30 incidents of varied status,
/// severity, source, date and co-op involvement, seeded straight through a DbContext. The tests only read.
/// </summary>
public sealed class IncidentListDatabase : IAsyncLifetime
{
    // AC and SP co-ops from the demo directory; MG-001 is in another UF again.
    private static readonly string[] CoopCodes = ["AC-001", "AC-002", "SP-001", "MG-001"];

    public IncidentDeskHost Host { get; } = new();

    public IReadOnlyList<SeededIncident> Seeded { get; } = Build();

    public TestAccount Liaison { get; private set; } = default!;

    public TestAccount Auditor { get; private set; } = default!;

    private static List<SeededIncident> Build()
    {
        var list = new List<SeededIncident>();
        for (var i = 1; i <= 30; i++)
        {
            var title = i switch
            {
                7 => "Vazamento 100% confirmado",
                8 => "Falha no backup_diario",
                _ => $"Incidente número {i}",
            };
            var summary = i switch
            {
                9 => "Instância KAFKA exposta sem autenticação",
                10 => "Relatório cita <script>alert(1)</script> no chat",
                _ => $"Resumo do caso {i}",
            };
            // 1–27: one a day from 1 March 2025, midday UTC. 28–30 sit on the Brasília day boundary of 1 May.
            var reported = i switch
            {
                28 => new DateTime(2025, 5, 1, 2, 59, 0, DateTimeKind.Utc),   // 30 April 23:59 in Brasília
                29 => new DateTime(2025, 5, 1, 3, 0, 0, DateTimeKind.Utc),    // 1 May 00:00 in Brasília
                30 => new DateTime(2025, 5, 2, 1, 30, 0, DateTimeKind.Utc),   // 1 May 22:30 in Brasília
                _ => new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(i - 1),
            };
            var coops = new List<string>();
            if (i % 3 == 0) coops.Add("AC-001");
            if (i % 4 == 0) coops.Add("AC-002");
            if (i % 5 == 0) coops.Add("SP-001");
            if (i % 2 == 0) coops.Add("MG-001");
            list.Add(new SeededIncident(
                $"INC-2025-{i:0000}", title, summary, (IncidentStatus)(i % 7), (IncidentSeverity)(i % 4),
                (ReportSource)(i * 3 % 7), reported, [.. coops]));
        }

        return list;
    }

    public async ValueTask InitializeAsync()
    {
        if (!IncidentDeskHost.CanStart)
        {
            return;
        }

        var factory = Host.Services.GetRequiredService<FederationWideDb>();
        await using var db = await factory.CreateDbContextAsync();
        await db.ArrangeAsync(d => d.Incidents.ExecuteDeleteAsync()); // the demo incident: these tests count exactly what they seed
        var coopIds = await db.Coops.Where(c => CoopCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Id);
        foreach (var seed in Seeded)
        {
            var incident = New(seed.Reference, seed.Title, seed.Summary, seed.Status, seed.Severity, seed.Source, seed.ReportedAtUtc);
            incident.Involvements.AddRange(seed.Coops.Select(code => new CoopInvolvement
            {
                CoopId = coopIds[code], Role = InvolvementRole.UnderAssessment, KnowledgeAtUtc = seed.ReportedAtUtc,
            }));
            db.Incidents.Add(incident);
        }

        await db.SaveArrangedAsync();
        Liaison = await TestAccounts.CreateAsync(Host, AppRoles.CoopLiaison, "AC-001", twoFactor: false);
        Auditor = await TestAccounts.CreateAsync(Host, AppRoles.Auditor, twoFactor: false);
    }

    public static Incident New(
        string reference, string title, string summary, IncidentStatus status, IncidentSeverity severity, ReportSource source, DateTime reportedAtUtc) => new()
        {
            Reference = reference,
            Title = title,
            Summary = summary,
            Status = status,
            Severity = severity,
            Source = source,
            ReportedAtUtc = reportedAtUtc,
            KnowledgeAtUtc = reportedAtUtc,
            CreatedAtUtc = reportedAtUtc,
            UpdatedAtUtc = reportedAtUtc,
        };

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

/// <summary>
/// <see cref="IncidentService.SearchAsync"/>: every filter, their combination, literal text search, sorting,
/// paging and the liaison's narrower view, against the real SQLite database of a running host.
/// </summary>
public sealed class IncidentListQueryTests(IncidentListDatabase data) : IClassFixture<IncidentListDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IReadOnlyList<SeededIncident> All => data.Seeded;

    private async Task<IncidentPage> SearchAsync(IncidentQuery query, string? email = null)
    {
        await using var scope = await data.Host.ActingAsAsync(email ?? IncidentDeskHost.OfficerEmail);
        return await scope.ServiceProvider.GetRequiredService<IncidentService>().SearchAsync(query, Ct);
    }

    /// <summary>Everything matching, as references sorted by reported-at descending (the default order).</summary>
    private async Task<List<string>> ReferencesAsync(IncidentQuery query, string? email = null)
    {
        var page = await SearchAsync(query with { PageSize = IncidentQuery.MaxPageSize }, email);
        Assert.Equal(page.Rows.Count, page.TotalCount);
        return [.. page.Rows.Select(r => r.Reference)];
    }

    private static List<string> Expected(IEnumerable<SeededIncident> incidents) =>
        [.. incidents.OrderByDescending(i => i.ReportedAtUtc).Select(i => i.Reference)];

    [Fact]
    public async Task WithoutFiltersAnOfficerSeesEveryIncidentNewestFirst()
    {
        Assert.Equal(Expected(All), await ReferencesAsync(new IncidentQuery()));
    }

    [Fact]
    public async Task StatusFilterIsASet()
    {
        var query = new IncidentQuery { Statuses = [IncidentStatus.Reported, IncidentStatus.Closed] };

        var found = await ReferencesAsync(query);

        Assert.Equal(Expected(All.Where(i => i.Status is IncidentStatus.Reported or IncidentStatus.Closed)), found);
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task SeverityFilterIsASet()
    {
        var found = await ReferencesAsync(new IncidentQuery { Severities = [IncidentSeverity.Critical, IncidentSeverity.High] });

        Assert.Equal(Expected(All.Where(i => i.Severity >= IncidentSeverity.High)), found);
    }

    [Fact]
    public async Task SourceFilter()
    {
        var found = await ReferencesAsync(new IncidentQuery { Source = ReportSource.Press });

        Assert.Equal(Expected(All.Where(i => i.Source == ReportSource.Press)), found);
        Assert.NotEmpty(found);
    }

    [Fact]
    public async Task CoopFilterFindsIncidentsInvolvingThatCoop()
    {
        var spId = await CoopIdAsync("SP-001");

        var found = await ReferencesAsync(new IncidentQuery { CoopId = spId });

        Assert.Equal(Expected(All.Where(i => i.Coops.Contains("SP-001"))), found);
    }

    [Fact]
    public async Task UfFilterFindsIncidentsInvolvingAnyCoopOfThatUf()
    {
        var found = await ReferencesAsync(new IncidentQuery { Uf = "ac" });

        // AC-001 or AC-002, and an incident with both appears once.
        Assert.Equal(Expected(All.Where(i => i.Coops.Any(c => c.StartsWith("AC-", StringComparison.Ordinal)))), found);
        Assert.Contains("INC-2025-0012", found); // involves both AC co-ops
    }

    [Fact]
    public async Task FiltersCombine()
    {
        var query = new IncidentQuery
        {
            Statuses = [IncidentStatus.Reported, IncidentStatus.Triage, IncidentStatus.Investigating, IncidentStatus.Contained],
            Severities = [IncidentSeverity.Low, IncidentSeverity.Medium, IncidentSeverity.High],
            Uf = "MG",
            From = new DateOnly(2025, 3, 5),
            To = new DateOnly(2025, 3, 25),
        };

        var found = await ReferencesAsync(query);

        var expected = Expected(All.Where(i => i.Status <= IncidentStatus.Contained && i.Severity != IncidentSeverity.Critical
            && i.Coops.Contains("MG-001") && i.ReportedAtUtc >= new DateTime(2025, 3, 5, 3, 0, 0, DateTimeKind.Utc)
            && i.ReportedAtUtc < new DateTime(2025, 3, 26, 3, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(expected, found);
        Assert.NotEmpty(found);
        Assert.True(found.Count < All.Count(i => i.Coops.Contains("MG-001")) / 2);
    }

    [Fact]
    public async Task ADayInBrasiliaRunsFrom03hUtcTo03hUtcOfTheNextDay()
    {
        var firstOfMay = await ReferencesAsync(new IncidentQuery { From = new DateOnly(2025, 5, 1), To = new DateOnly(2025, 5, 1) });
        var lastOfApril = await ReferencesAsync(new IncidentQuery { From = new DateOnly(2025, 4, 30), To = new DateOnly(2025, 4, 30) });
        var secondOfMay = await ReferencesAsync(new IncidentQuery { From = new DateOnly(2025, 5, 2) });

        // 01:30 UTC on 2 May is 22:30 on 1 May in Brasília; 02:59 UTC on 1 May is still 30 April there.
        Assert.Equal(["INC-2025-0030", "INC-2025-0029"], firstOfMay);
        Assert.Equal(["INC-2025-0028"], lastOfApril);
        Assert.Empty(secondOfMay);
    }

    [Fact]
    public async Task OpenEndedDateRanges()
    {
        var upToMarch10 = await ReferencesAsync(new IncidentQuery { To = new DateOnly(2025, 3, 10) });
        var fromApril = await ReferencesAsync(new IncidentQuery { From = new DateOnly(2025, 4, 1) });

        Assert.Equal(Expected(All.Take(10)), upToMarch10);
        Assert.Equal(["INC-2025-0030", "INC-2025-0029", "INC-2025-0028"], fromApril);
    }

    [Theory]
    [InlineData("kafka", "INC-2025-0009")]          // summary, other case
    [InlineData("BACKUP_DIARIO", "INC-2025-0008")]  // title, other case, literal underscore
    [InlineData("100%", "INC-2025-0007")]           // literal percent sign
    [InlineData("inc-2025-0017", "INC-2025-0017")]  // reference
    [InlineData("<script>", "INC-2025-0010")]
    public async Task TextSearchMatchesTitleSummaryAndReferenceLiterally(string text, string reference)
    {
        Assert.Equal([reference], await ReferencesAsync(new IncidentQuery { Text = text }));
    }

    [Theory]
    [InlineData("%")]   // as a wildcard it would match everything
    [InlineData("_")]
    [InlineData("0%c")]
    [InlineData("backup%diario")]
    public async Task LikeWildcardsInTheSearchAreLiteral(string text)
    {
        var found = await ReferencesAsync(new IncidentQuery { Text = text });

        Assert.Equal(Expected(All.Where(i => $"{i.Reference} {i.Title} {i.Summary}".Contains(text, StringComparison.OrdinalIgnoreCase))), found);
        Assert.True(found.Count <= 1, string.Join(", ", found));
    }

    [Fact]
    public async Task SortsByEachColumnBothWays()
    {
        async Task<List<string>> Sorted(IncidentSort sort, bool descending) =>
            await ReferencesAsync(new IncidentQuery { Sort = sort, Descending = descending });

        Assert.Equal([.. All.OrderBy(i => i.Reference, StringComparer.Ordinal).Select(i => i.Reference)], await Sorted(IncidentSort.Reference, false));
        Assert.Equal([.. All.OrderByDescending(i => i.Reference, StringComparer.Ordinal).Select(i => i.Reference)], await Sorted(IncidentSort.Reference, true));
        Assert.Equal([.. All.OrderBy(i => i.ReportedAtUtc).Select(i => i.Reference)], await Sorted(IncidentSort.ReportedAt, false));

        var byTitle = await SearchAsync(new IncidentQuery { Sort = IncidentSort.Title, Descending = false, PageSize = 100 });
        Assert.Equal([.. byTitle.Rows.Select(r => r.Title).Order(StringComparer.Ordinal)], byTitle.Rows.Select(r => r.Title));

        var bySeverity = await SearchAsync(new IncidentQuery { Sort = IncidentSort.Severity, Descending = true, PageSize = 100 });
        Assert.Equal([.. bySeverity.Rows.Select(r => r.Severity).OrderDescending()], bySeverity.Rows.Select(r => r.Severity));
        Assert.Equal(IncidentSeverity.Critical, bySeverity.Rows[0].Severity);

        var byStatus = await SearchAsync(new IncidentQuery { Sort = IncidentSort.Status, Descending = false, PageSize = 100 });
        Assert.Equal([.. byStatus.Rows.Select(r => r.Status).Order()], byStatus.Rows.Select(r => r.Status));
        Assert.Equal(IncidentStatus.Reported, byStatus.Rows[0].Status); // workflow order, not alphabetical
    }

    [Fact]
    public async Task PagesSplitTheWholeResultAndEachKnowsTheTotal()
    {
        var pages = new List<IncidentPage>();
        for (var page = 0; page < 4; page++)
        {
            pages.Add(await SearchAsync(new IncidentQuery { PageSize = 8, Page = page }));
        }

        Assert.All(pages, p => Assert.Equal(30, p.TotalCount));
        Assert.Equal([8, 8, 8, 6], pages.Select(p => p.Rows.Count));
        Assert.Equal(Expected(All), pages.SelectMany(p => p.Rows).Select(r => r.Reference));
        Assert.Empty((await SearchAsync(new IncidentQuery { PageSize = 8, Page = 9 })).Rows);
    }

    [Fact]
    public async Task PageSizeIsKeptBetween1And100()
    {
        Assert.Single((await SearchAsync(new IncidentQuery { PageSize = 0 })).Rows);
        Assert.Equal(30, (await SearchAsync(new IncidentQuery { PageSize = 1000 })).Rows.Count);
        Assert.Equal(Expected(All).Take(25), (await SearchAsync(new IncidentQuery { Page = -3 })).Rows.Select(r => r.Reference));
    }

    [Fact]
    public async Task RowsCarryWhatTheListShows()
    {
        var row = Assert.Single((await SearchAsync(new IncidentQuery { Text = "INC-2025-0012" })).Rows);
        var seed = All.Single(i => i.Reference == "INC-2025-0012");

        Assert.Equal(seed.Title, row.Title);
        Assert.Equal(seed.Status, row.Status);
        Assert.Equal(seed.Severity, row.Severity);
        Assert.Equal(seed.Source, row.Source);
        Assert.Equal(seed.ReportedAtUtc, row.ReportedAtUtc);
        Assert.Equal(DateTimeKind.Utc, row.ReportedAtUtc.Kind);
        Assert.Equal(seed.Coops.Length, row.InvolvedCoops);
        Assert.Equal(3, row.InvolvedCoops); // AC-001, AC-002 and MG-001
    }

    [Fact]
    public async Task ALiaisonSeesOnlyIncidentsInvolvingTheirCoop()
    {
        var own = Expected(All.Where(i => i.Coops.Contains("AC-001")));

        Assert.Equal(own, await ReferencesAsync(new IncidentQuery(), data.Liaison.Email));
        // Filters narrow within that view; they never widen it, and they cannot probe which other co-ops are involved:
        // a liaison sees only their own co-op's involvement.
        Assert.Empty(await ReferencesAsync(new IncidentQuery { Uf = "SP" }, data.Liaison.Email));
        Assert.Equal(own, await ReferencesAsync(new IncidentQuery { Uf = "AC" }, data.Liaison.Email));
        Assert.Empty(await ReferencesAsync(new IncidentQuery { CoopId = await CoopIdAsync("AC-002"), Text = "INC-2025-0004" }, data.Liaison.Email));
        Assert.Equal(own.Count, (await SearchAsync(new IncidentQuery { PageSize = 5 }, data.Liaison.Email)).TotalCount);
    }

    [Fact]
    public async Task AnAuditorSeesEverything()
    {
        Assert.Equal(30, (await SearchAsync(new IncidentQuery(), data.Auditor.Email)).TotalCount);
    }

    [Fact]
    public async Task ListAsyncStillListsEverythingVisible()
    {
        await using var scope = await data.Host.ActingAsAsync(data.Liaison);
        var list = await scope.ServiceProvider.GetRequiredService<IncidentService>().ListAsync(Ct);

        Assert.Equal(Expected(All.Where(i => i.Coops.Contains("AC-001"))), list.Select(i => i.Reference));
    }

    private async Task<int> CoopIdAsync(string code)
    {
        await using var db = await data.Host.Services.GetRequiredService<FederationWideDb>().CreateDbContextAsync(Ct);
        return (await db.Coops.SingleAsync(c => c.Code == code, Ct)).Id;
    }
}

/// <summary>
/// The list at a realistic volume (5,000 incidents): the first page is right, and how long it took is printed
/// for the issue's closing note — never asserted, timings vary with the machine.
/// </summary>
public sealed class IncidentListTimingTests
{
    [Fact]
    public async Task FirstPageSortedByDateWith5000Incidents()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new IncidentDeskHost();
        var factory = host.Services.GetRequiredService<FederationWideDb>();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var coopIds = await db.Coops.Select(c => c.Id).ToListAsync(ct);
            var start = new DateTime(2020, 1, 1, 12, 0, 0, DateTimeKind.Utc);
            for (var i = 1; i <= 5000; i++)
            {
                var incident = IncidentListDatabase.New($"INC-2030-{i:00000}", $"Incidente sintético {i}", $"Resumo {i}",
                    (IncidentStatus)(i % 7), (IncidentSeverity)(i % 4), (ReportSource)(i % 7), start.AddHours(i * 7));
                for (var k = 0; k < 1 + (i % 3); k++)
                {
                    incident.Involvements.Add(new CoopInvolvement
                    {
                        CoopId = coopIds[(i * 7 + k * 13) % coopIds.Count], KnowledgeAtUtc = incident.ReportedAtUtc,
                    });
                }

                db.Incidents.Add(incident);
            }

            await db.SaveArrangedAsync(ct);
        }

        await using var scope = await host.ActingAsAsync(IncidentDeskHost.OfficerEmail);
        var service = scope.ServiceProvider.GetRequiredService<IncidentService>();
        var query = new IncidentQuery { PageSize = 25 };
        var cold = Stopwatch.StartNew();
        var first = await service.SearchAsync(query, ct);
        cold.Stop();
        var warm = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            await service.SearchAsync(query, ct);
            warm.Add(watch.Elapsed.TotalMilliseconds);
        }

        var filtered = Stopwatch.StartNew();
        var withFilters = await service.SearchAsync(query with { Text = "sintético 4", Uf = "SP", Statuses = [IncidentStatus.Investigating] }, ct);
        filtered.Stop();

        // The newest first: the seeded reference incident (2026), then the synthetic ones from the latest down.
        Assert.Equal(5001, first.TotalCount);
        Assert.Equal(
            ["INC-2026-0001", .. Enumerable.Range(4977, 24).Reverse().Select(i => $"INC-2030-{i:00000}")],
            first.Rows.Select(r => r.Reference));
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Incident list, {first.TotalCount} incidents, first page of 25 sorted by reported-at desc: first call {cold.Elapsed.TotalMilliseconds:F1} ms, then median {warm.Order().ElementAt(2):F1} ms (runs: {string.Join(", ", warm.Select(w => w.ToString("F1", CultureInfo.InvariantCulture)))}); with text+UF+status filters {filtered.Elapsed.TotalMilliseconds:F1} ms ({withFilters.TotalCount} matches).");
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        TestContext.Current.AddAttachment("timing", message);
    }
}
