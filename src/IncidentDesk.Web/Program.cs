using IncidentDesk.Web;
using IncidentDesk.Web.Operators;

// Host options and an operator command's words may come in any order; a word that is no command never starts the server.
var invocation = Invocation.Read(args);
if (invocation.Kind is InvocationKind.Help or InvocationKind.UnknownVerb)
{
    return await OperatorCommandLine.AnswerWithoutHostAsync(invocation, Console.Out, Console.Error);
}

var isOperatorCommand = invocation.Kind == InvocationKind.Command;
var builder = WebApplication.CreateBuilder(invocation.HostArgs);
builder.AddIncidentDesk();
if (isOperatorCommand)
{
    OperatorCommandLine.QuietLogging(builder.Logging);
}

var app = builder.Build();
await app.PrepareDatabaseAsync();
if (isOperatorCommand)
{
    return await OperatorCommandLine.RunAsync(app.Services, invocation.CommandArgs, Console.In, Console.Out, Console.Error);
}

app.UseIncidentDesk();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so the test hosts can start the real app.</summary>
public partial class Program;
