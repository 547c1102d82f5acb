using IncidentDesk.Web;
using IncidentDesk.Web.Operators;

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidentDesk();

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (OperatorCommandLine.IsCommand(args))
{
    return await OperatorCommandLine.RunAsync(app, args);
}

app.UseIncidentDesk();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
