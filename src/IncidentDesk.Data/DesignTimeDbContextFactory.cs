using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentDesk.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<IncidentDeskDbContext>
{
    public IncidentDeskDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IncidentDeskDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
