using IncidentDesk.Web.Features.Mail;
using IncidentDesk.Web.Features.Mail.Sending;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>
/// The mail services a component reaches through a feature service (a launch queues its notices, the mail log reads the
/// outbox), with links on a fixed public address and no server: nothing is sent, no background sender runs.
/// </summary>
internal static class DeskMailServices
{
    public static IServiceCollection AddDeskMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>();
        services.AddOptions<IncidentDeskOptions>().Configure(o => o.PublicUrl = "https://desk.example.org/");
        services.AddDataProtection();
        services.AddSingleton<IServer, NoServer>();
        services.AddSingleton<IHostEnvironment>(new NoHost());
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailTransport>();
        services.AddScoped<LaunchNotices>();
        return services;
    }

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class NoHost : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";

        public string ApplicationName { get; set; } = "IncidentDesk.Web";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
