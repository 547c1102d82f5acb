using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using IncidentDesk.Data;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using MudBlazor.Services;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up the way MudBlazor components need it: loose JS interop,
/// the MudBlazor services, a rendered <see cref="MudPopoverProvider"/> (MudSelect opens its list in it), and
/// the app's real localization (Resources/SharedResource*.resx of the Web assembly) in pt-BR, the product's
/// default language, so the tests assert the Portuguese strings and date formats the desk actually shows.
/// </summary>
public abstract class MudComponentTestBase : BunitContext
{
    protected static readonly CultureInfo PtBr = CultureInfo.GetCultureInfo("pt-BR");

    private readonly CultureInfo _originalCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _originalUiCulture = CultureInfo.CurrentUICulture;
    private IRenderedComponent<MudPopoverProvider>? _popoverProvider;

    protected MudComponentTestBase()
    {
        UsePtBr();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddLogging();
        // Pages listen to the change feed for live refresh, as in the app.
        Services.AddSingleton<IncidentDesk.Web.Features.Live.IChangeFeed, IncidentDesk.Web.Features.Live.InProcessChangeFeed>();
        Services.AddSingleton<IncidentDesk.Web.Features.Live.SharedReads>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddMetrics();
        Services.AddSingleton(sp => new IncidentDesk.Web.Features.Live.LiveMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        // The audit trail, as the app registers it (services that write resolve AuditLog, which needs it).
        Services.AddSingleton<AuditWriter>();
        Services.AddSingleton(new IncidentDesk.Core.Audit.AuditKeyRing(
            [new IncidentDesk.Core.Audit.AuditSealKey("component-tests", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))],
            "component-tests"));
        Services.AddSingleton<AuditTrail>();
        // Keys and checkpoints for pages that verify the chain; nothing is written until a test verifies.
        var auditFolder = Path.Combine(Path.GetTempPath(), $"incidentdesk-component-audit-{Guid.NewGuid():N}");
        var sealing = Microsoft.Extensions.Options.Options.Create(new IncidentDesk.Web.Features.Audit.Sealing.AuditSealingOptions
        {
            KeysFolder = Path.Combine(auditFolder, "keys"), CheckpointsFolder = Path.Combine(auditFolder, "checkpoints"),
        });
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = auditFolder };
        Services.AddSingleton(_ => new IncidentDesk.Web.Features.Audit.Sealing.AuditKeyStore(sealing, environment, TimeProvider.System));
        Services.AddSingleton(sp => new IncidentDesk.Web.Features.Audit.Sealing.AuditCheckpoints(sealing, environment,
            sp.GetRequiredService<IncidentDesk.Web.Features.Audit.Sealing.AuditKeyStore>(), sp.GetRequiredService<IncidentDesk.Data.FederationWideDb>(),
            TimeProvider.System));
        Services.AddSingleton<IncidentDesk.Web.Features.Audit.DenialThrottle>();
    }

    /// <summary>The app's database registration over a test database: contexts scoped to the test's <see cref="CurrentUser"/>.</summary>
    protected void AddDeskDatabase(Action<DbContextOptionsBuilder> configure) =>
        Services.AddDeskDatabase((_, options) => configure(options), sp => sp.GetRequiredService<CurrentUser>().Scope);

    /// <summary>The popover provider, rendered by the first <see cref="RenderWithMud{TComponent}"/>.</summary>
    protected IRenderedComponent<MudPopoverProvider> PopoverProvider =>
        _popoverProvider ?? throw new InvalidOperationException("Render a component with RenderWithMud first.");

    /// <summary>
    /// Renders the popover provider (once) and then the component. Services must all be registered before
    /// the first render, so subclasses add theirs in their constructor and render only inside tests.
    /// </summary>
    protected IRenderedComponent<TComponent> RenderWithMud<TComponent>(
        Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        // Culture lives in an async-local: set it again on the test's own flow, which renders and awaits.
        UsePtBr();
        _popoverProvider ??= Render<MudPopoverProvider>();
        return parameters is null ? Render<TComponent>() : Render(parameters);
    }

    protected override void Dispose(bool disposing)
    {
        RestoreCulture();
        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        RestoreCulture();
        await base.DisposeAsyncCore();
    }

    private static void UsePtBr()
    {
        CultureInfo.CurrentCulture = PtBr;
        CultureInfo.CurrentUICulture = PtBr;
    }

    private void RestoreCulture()
    {
        CultureInfo.CurrentCulture = _originalCulture;
        CultureInfo.CurrentUICulture = _originalUiCulture;
    }
}
