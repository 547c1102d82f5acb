using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Testing;

/// <summary>
/// The real app on real Kestrel (loopback, random port) with its own SQLite file in a temp folder.
/// The bootstrap officer's password is random per run: no credential is written in the code.
/// </summary>
public sealed class IncidentDeskHost : WebApplicationFactory<Program>
{
    public const string OfficerEmail = "encarregado@federacao.example";
    public const string OfficerName = "Ana Encarregada";

    public IncidentDeskHost(bool bootstrapOfficer = true, bool seedDemo = true)
    {
        BootstrapOfficer = bootstrapOfficer;
        SeedDemo = seedDemo;
    }

    public bool BootstrapOfficer { get; }
    public bool SeedDemo { get; }
    public string OfficerPassword { get; } = $"pw-{Guid.NewGuid():N}";
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("incidentdesk-tests-").FullName;
    public string DatabasePath => Path.Combine(DataFolder, "incidentdesk.db");
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts Kestrel once; later calls return the running host.</summary>
    public IncidentDeskHost Start()
    {
        if (BaseAddress.IsDefaultPort)
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
                .Addresses.First();
            BaseAddress = new Uri(address.TrimEnd('/') + "/");
        }

        return this;
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects so tests can see them.</summary>
    public HttpClient CreateBrowserClient(bool followRedirects = false)
    {
        Start();
        var handler = new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:IncidentDesk", $"Data Source={DatabasePath}");
        builder.UseSetting("IncidentDesk:KeysFolder", Path.Combine(DataFolder, "keys"));
        builder.UseSetting("IncidentDesk:SeedDemo", SeedDemo ? "true" : "false");
        if (BootstrapOfficer)
        {
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerEmail", OfficerEmail);
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerPassword", OfficerPassword);
            builder.UseSetting("IncidentDesk:Bootstrap:OfficerName", OfficerName);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over cleanup.
        }
    }
}
