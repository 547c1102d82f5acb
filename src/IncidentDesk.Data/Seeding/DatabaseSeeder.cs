using IncidentDesk.Core.Coops;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data.Seeding;

/// <summary>Fills an empty database with the demo directory, the starter playbook and, optionally, the reference incident. Idempotent.</summary>
public sealed class DatabaseSeeder(IncidentDeskDbContext db, TimeProvider time)
{
    public async Task SeedAsync(bool includeDemoIncident, CancellationToken cancellationToken = default)
    {
        using var _ = db.WriteUnaudited(UnauditedWrite.Seeding);
        if (!await db.Coops.AnyAsync(cancellationToken))
        {
            db.Federations.AddRange(DemoDirectory.Build());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!await db.Playbooks.AnyAsync(cancellationToken))
        {
            db.Playbooks.Add(PlaybookSeed.ExposedMessageBroker(time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (includeDemoIncident && !await db.Incidents.AnyAsync(cancellationToken))
        {
            var affected = await db.Coops
                .Where(c => ReferenceIncidentSeed.AffectedCoopCodes.Contains(c.Code))
                .OrderBy(c => c.Code)
                .ToListAsync(cancellationToken);
            db.Incidents.Add(ReferenceIncidentSeed.Build(affected, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
