using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentDesk.Data;

/// <summary>
/// Contexts for the person acting in this request or circuit: every query is filtered to what their
/// <see cref="CoopScope"/> may read, every save checked against what it may write. Feature services use this one.
/// The scope is read when a context is created, not when the factory is, since a request's or circuit's person is
/// known only after its services are built.
/// </summary>
public sealed class CoopScopedDbContextFactory(DbContextOptions<IncidentDeskDbContext> options, Func<CoopScope> scopeOfCaller)
    : IDbContextFactory<IncidentDeskDbContext>
{
    public IncidentDeskDbContext CreateDbContext() => new(options) { Scope = scopeOfCaller() };
}

/// <summary>
/// The named opt-out from co-op scoping: contexts that read and write every co-op's rows. Only for work nobody does on
/// a person's behalf — start-up, background jobs, health probes, the operators' command line, sign-in and token checks
/// before anyone is known, ASP.NET Identity's stores, the business calendar. A feature service acting for a person never
/// takes this; grep for it to see every federation-wide read.
/// </summary>
public sealed class FederationWideDb(DbContextOptions<IncidentDeskDbContext> options)
{
    public IncidentDeskDbContext CreateDbContext() => new(options) { Scope = CoopScope.FederationWide };

    public Task<IncidentDeskDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(CreateDbContext());
    }
}

public static class DeskDatabaseRegistration
{
    /// <summary>
    /// The one registration of the desk's database, for the app and for component tests alike: one set of options, the
    /// person-scoped factory (<see cref="IDbContextFactory{TContext}"/>, scoped), <see cref="FederationWideDb"/>
    /// (singleton), and a scoped federation-wide <see cref="IncidentDeskDbContext"/> for ASP.NET Identity's stores and
    /// start-up.
    /// </summary>
    public static IServiceCollection AddDeskDatabase(
        this IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure, Func<IServiceProvider, CoopScope> scopeOfCaller)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(scopeOfCaller);
        services.AddSingleton(sp =>
        {
            var builder = new DbContextOptionsBuilder<IncidentDeskDbContext>();
            configure(sp, builder);
            builder.AddInterceptors(AuditedWriteGuard.Instance);
            // Lets code holding only a context reach the app's audit trail (and its sealing key), e.g. tests arranging data.
            builder.UseApplicationServiceProvider(sp);
            return builder.Options;
        });
        services.AddSingleton<FederationWideDb>();
        services.AddScoped<IDbContextFactory<IncidentDeskDbContext>>(sp =>
        {
            var options = sp.GetRequiredService<DbContextOptions<IncidentDeskDbContext>>();
            return new CoopScopedDbContextFactory(options, () => scopeOfCaller(sp));
        });
        services.AddScoped(sp => sp.GetRequiredService<FederationWideDb>().CreateDbContext());
        return services;
    }
}
