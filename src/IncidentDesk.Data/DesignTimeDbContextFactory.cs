using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentDesk.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the web app. SQLite by default; pass
/// <c>-- --provider PostgreSQL</c> (and <c>--project src/IncidentDesk.Data.PostgreSQL</c>) for PostgreSQL's migrations.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IncidentDeskDbContext>
{
    public IncidentDeskDbContext CreateDbContext(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var provider = DeskDatabase.ParseProvider(at >= 0 && at + 1 < args.Length ? args[at + 1] : null);
        var connection = provider == DatabaseProvider.PostgreSQL ? "Host=localhost;Database=design_time" : "Data Source=design-time.db";
        var options = new DbContextOptionsBuilder<IncidentDeskDbContext>();
        options.UseDesk(provider, connection, Directory.GetCurrentDirectory());
        options.UseAppModelOutsideTheApp();
        return new(options.Options);
    }
}
