using System.Globalization;
using System.Text.Json;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Exposure.Runs;

/// <summary>What a run took: its row and the endpoints it will check.</summary>
internal sealed record ClaimedRun(ExposureRun Run, IReadOnlyList<ClaimedEndpoint> Endpoints);

/// <summary>
/// The start of a run, in one audited transaction: the run's row, and every due endpoint of its target marked as taken.
/// Two rules hold across every run and every instance, because the transaction is serialised with every other audited
/// write (one writer per instance, and PostgreSQL's advisory lock across instances): an endpoint is taken at most once an
/// hour, and a schedule slot's run row can be inserted once (its key is unique) — the instance that fails to insert it
/// leaves the slot to the one that did.
/// </summary>
internal static class RunClaim
{
    public const string StartedAction = "Exposure.RunStarted";

    /// <returns>Null when the request's schedule slot already has its run.</returns>
    public static async Task<ClaimedRun?> TryAsync(
        IncidentDeskDbContext db, AuditTrail trail, RunRequest request, AuditActor actor, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (request.SlotKey is { } key && await db.ExposureRuns.AnyAsync(r => r.SlotKey == key, cancellationToken))
        {
            return null;
        }

        await using var transaction = await trail.BeginTransactionAsync(db, cancellationToken);
        if (request.SlotKey is { } slot && await db.ExposureRuns.AnyAsync(r => r.SlotKey == slot, cancellationToken))
        {
            return null;
        }

        var endpoints = await Target(db, request).ToListAsync(cancellationToken);
        var authorized = endpoints.Where(e => e.IsAuthorized).ToList();
        var due = authorized.Where(e => ExposureRules.IsDue(e.CheckClaimedAtUtc, nowUtc, ExposureRules.MinInterval)).ToList();
        var claimed = due.Select(e => new ClaimedEndpoint(e.Id, e.CoopId, e.Host, e.Port, e.CheckClaimedAtUtc)).ToList();
        foreach (var endpoint in due)
        {
            endpoint.CheckClaimedAtUtc = nowUtc;
        }

        var run = new ExposureRun
        {
            Trigger = request.Trigger, Target = request.Target, TargetLabel = await LabelAsync(db, request, endpoints, cancellationToken),
            SlotKey = request.SlotKey, StartedAtUtc = nowUtc, StartedBy = actor.Name, State = RunState.Running,
            Planned = due.Count, SkippedRecent = authorized.Count - due.Count, Unauthorized = endpoints.Count - authorized.Count,
        };
        db.ExposureRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (request.SlotKey is not null)
        {
            // Another instance inserted this slot's run between our look and our insert.
            return null;
        }

        // One entry for the start (what, how many, who), not one per endpoint taken.
        await trail.SaveChangesAsync(db, actor, new AuditRecord(StartedAction, nameof(ExposureRun),
            run.Id.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(new
            {
                Trigger = run.Trigger.ToString(), Target = run.Target.ToString(), run.TargetLabel, run.SlotKey, run.Planned,
                run.SkippedRecent, run.Unauthorized, Endpoints = claimed.Select(e => e.Id),
            })), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ClaimedRun(run, claimed);
    }

    private static IQueryable<BrokerEndpoint> Target(IncidentDeskDbContext db, RunRequest request)
    {
        var endpoints = db.BrokerEndpoints.Where(e => e.RemovedAtUtc == null);
        return request.Target switch
        {
            RunTarget.Coop => endpoints.Where(e => e.CoopId == request.CoopId),
            RunTarget.Endpoint => endpoints.Where(e => e.Id == request.EndpointId),
            _ => endpoints,
        };
    }

    private static async Task<string> LabelAsync(
        IncidentDeskDbContext db, RunRequest request, List<BrokerEndpoint> endpoints, CancellationToken cancellationToken)
    {
        if (request.Target == RunTarget.All)
        {
            return "*";
        }

        var coopId = request.CoopId ?? endpoints.Select(e => e.CoopId).FirstOrDefault();
        var code = await db.Coops.Where(c => c.Id == coopId).Select(c => c.Code).FirstOrDefaultAsync(cancellationToken) ?? "";
        var label = request.Target == RunTarget.Endpoint && endpoints.Count == 1 ? $"{code} · {endpoints[0].Address}" : code;
        return label.Length <= ExposureRun.MaxLabel ? label : label[..ExposureRun.MaxLabel];
    }
}
