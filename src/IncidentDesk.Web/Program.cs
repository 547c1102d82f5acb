using IncidentDesk.Web;
using IncidentDesk.Web.Operators;

var builder = WebApplication.CreateBuilder(args);
builder.AddIncidentDesk();
var isOperatorCommand = OperatorCommandLine.IsCommand(args);
if (isOperatorCommand)
{
    OperatorCommandLine.QuietLogging(builder.Logging);
}

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (isOperatorCommand)
{
    return await OperatorCommandLine.RunAsync(app.Services, args, Console.In, Console.Out, Console.Error);
}

app.UseIncidentDesk();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
