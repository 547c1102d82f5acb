using System.Globalization;
using IncidentDesk.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using IncidentDesk.Data.Audit;

namespace IncidentDesk.Web.Operators;

/// <summary><c>users list</c>: every account with its role, co-op, state and 2FA.</summary>
internal sealed class UsersListCommand : IOperatorCommand
{
    public IReadOnlyCollection<string> Options => [];

    public async Task<int> RunAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var accounts = new OperatorAccounts(context);
        var db = accounts.Db;
        var users = await (
                from u in db.Users.AsNoTracking()
                join c in db.Coops on u.CoopId equals c.Id into coops
                from c in coops.DefaultIfEmpty()
                orderby u.Email
                select new { u.Id, u.Email, u.DisplayName, Coop = c == null ? null : c.Code, u.IsActive, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var roles = await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name);

        string[] header = ["E-MAIL", "NAME", "ROLE", "CO-OP", "ACTIVE", "2FA"];
        var rows = users.Select(u => new[]
        {
            u.Email ?? "", u.DisplayName, string.Join(",", rolesOf[u.Id].Order(StringComparer.Ordinal)), u.Coop ?? "-",
            u.IsActive ? "yes" : "no", u.TwoFactorEnabled ? "yes" : "no",
        }).ToList();
        await WriteTableAsync(context.Output, header, rows);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} user(s)"));

        await context.Services.GetRequiredService<AuditLog>().AppendAsync(
            new AuditRecord(AuditActions.UsersListed, Changes: string.Create(CultureInfo.InvariantCulture, $"{rows.Count} users")),
            context.Actor, cancellationToken);
        return OperatorCommandLine.Done;
    }

    private static async Task WriteTableAsync(TextWriter output, string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
