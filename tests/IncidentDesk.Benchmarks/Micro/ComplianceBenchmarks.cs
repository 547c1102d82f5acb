using BenchmarkDotNet.Attributes;
using IncidentDesk.Core.Compliance;
using IncidentDesk.Core.Compliance.Drafts;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Features.Notifications;
using IncidentDesk.Web.Features.Notifications.Export;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Benchmarks.Micro;

/// <summary>
/// Every LGPD deadline of one controller (ANPD, subjects, channels declaration, both modes) from a knowledge time, against
/// the floor of adding three calendar days — what the business-day calendar and its holidays cost.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private static readonly DateTime Knowledge = new(2026, 4, 1, 20, 0, 0, DateTimeKind.Utc);
    private readonly BusinessCalendar _calendar = BusinessCalendar.Default;
    private int _day;

    [Benchmark(Description = "all deadlines of one controller (LgpdDeadlines.For)")]
    public IReadOnlyList<LgpdDeadline> Deadlines() =>
        LgpdDeadlines.For(Knowledge.AddDays(++_day % 1500), smallAgent: (_day & 1) == 0, _calendar);

    [Benchmark(Baseline = true, Description = "floor: knowledge + 3 calendar days")]
    public DateTime CalendarDays() => Knowledge.AddDays((++_day % 1500) + 3);
}

/// <summary>
/// The ANPD communication for one controller of the reference incident: read and generated through <see cref="DraftService"/>
/// (the database read included), and the exports of that draft to DOCX and PDF.
/// </summary>
[MemoryDiagnoser]
public class DraftBenchmarks
{
    private FederationRun _run = null!;
    private int _incidentId;
    private int _coopId;
    private DraftFileInfo _info = null!;
    private string _markdown = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _run = await MicroFederation.GetAsync();
        await using var db = _run.CreateDb();
        var controller = await db.CoopInvolvements.Where(v => v.Incident!.Reference == "INC-2026-0001" && v.Role == InvolvementRole.ControllerAffected)
            .OrderBy(v => v.Coop!.Code).Select(v => new { v.IncidentId, v.CoopId }).FirstAsync();
        (_incidentId, _coopId) = (controller.IncidentId, controller.CoopId);
        var draft = await GenerateAsync() ?? throw new InvalidOperationException("No draft.");
        _markdown = draft.Markdown;
        _info = new DraftFileInfo(draft.Reference, draft.Coop.Code, draft.Coop.Name, draft.Kind, 1, draft.FileName);
    }

    [Benchmark(Description = "ANPD draft for one controller (DraftService, read + generate)")]
    public async Task<DraftView?> GenerateAsync()
    {
        await using var scope = _run.ActingAs(AppRoles.PrivacyOfficer);
        return await scope.ServiceProvider.GetRequiredService<DraftService>().GenerateAsync(_incidentId, _coopId, DraftKind.AnpdComplete);
    }

    [Benchmark(Description = "export to DOCX")]
    public DraftFile Docx() => DraftExport.Render(_info, _markdown, DraftFileFormat.Docx);

    [Benchmark(Description = "export to PDF")]
    public DraftFile Pdf() => DraftExport.Render(_info, _markdown, DraftFileFormat.Pdf);
}
