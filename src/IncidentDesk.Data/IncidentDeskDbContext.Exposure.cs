using IncidentDesk.Core.Exposure;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Data;

public sealed partial class IncidentDeskDbContext
{
    public DbSet<BrokerEndpoint> BrokerEndpoints => Set<BrokerEndpoint>();
    public DbSet<ExposureCheck> ExposureChecks => Set<ExposureCheck>();
    public DbSet<ExposureFinding> ExposureFindings => Set<ExposureFinding>();
    public DbSet<ExposureRun> ExposureRuns => Set<ExposureRun>();
}
