using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents;

/// <summary>Placeholder: being written.</summary>
public sealed class KeyFigureService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time)
{
    internal IDbContextFactory<IncidentDeskDbContext> DbFactory => dbFactory;
    internal CurrentUser User => user;
    internal AuditLog Audit => audit;
    internal TimeProvider Time => time;
}
