using IncidentDesk.Core.Incidents;
using IncidentDesk.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Testing;

namespace IncidentDesk.Web.Tests.Incidents;

/// <summary>
/// The demo directory plus 30 incidents: status <c>i % 7</c>, severity <c>i % 4</c>, source <c>i % 7</c>, reported one
/// a day from 1 March 2025 (midday UTC), co-op AC-001 involved in every third one and SP-001 in every fifth.
/// Incident 30's title is markup, to prove it shows literally. Shared by one test class: read only.
/// </summary>
public sealed class IncidentListDatabase : IAsyncLifetime
{
    public SeededDirectoryDatabase Directory { get; } = new();

    public static IncidentStatus StatusOf(int i) => (IncidentStatus)(i % 7);

    public static IncidentSeverity SeverityOf(int i) => (IncidentSeverity)(i % 4);

    public static ReportSource SourceOf(int i) => (ReportSource)(i % 7);

    public static string Reference(int i) => $"INC-2025-{i:0000}";

    public async ValueTask InitializeAsync()
    {
        await Directory.InitializeAsync();
        await using var db = Directory.CreateContext();
        var acre = await db.Coops.SingleAsync(c => c.Code == "AC-001");
        var saoPaulo = await db.Coops.SingleAsync(c => c.Code == "SP-001");
        for (var i = 1; i <= 30; i++)
        {
            var reported = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(i - 1);
            var incident = new Incident
            {
                Reference = Reference(i),
                Title = i == 30 ? "<script>alert(1)</script>" : $"Incidente {i}",
                Summary = i == 9 ? "Instância Kafka exposta sem autenticação" : $"Resumo {i}",
                Status = StatusOf(i),
                Severity = SeverityOf(i),
                Source = SourceOf(i),
                ReportedAtUtc = reported,
                KnowledgeAtUtc = reported,
                CreatedAtUtc = reported,
                UpdatedAtUtc = reported,
            };
            if (i % 3 == 0)
            {
                incident.Involvements.Add(new CoopInvolvement { CoopId = acre.Id, KnowledgeAtUtc = reported });
            }

            if (i % 5 == 0)
            {
                incident.Involvements.Add(new CoopInvolvement { CoopId = saoPaulo.Id, KnowledgeAtUtc = reported });
            }

            db.Incidents.Add(incident);
        }

        await db.SaveArrangedAsync();
    }

    public ValueTask DisposeAsync() => Directory.DisposeAsync();
}
