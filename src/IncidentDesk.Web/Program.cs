using IncidentDesk.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidentDesk();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseIncidentDesk();
await app.RunAsync();

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
