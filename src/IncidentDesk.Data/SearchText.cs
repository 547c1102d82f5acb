using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace IncidentDesk.Data;

/// <summary>
/// The search boxes' LIKE, case-insensitive on every engine. SQLite's LIKE already ignores (ASCII) case; PostgreSQL's is
/// case-sensitive, so there both sides are lowered first — "kafka" finds "Kafka" wherever the desk runs. The backslash
/// escapes <c>%</c> and <c>_</c> typed by the user (see the callers' pattern builders).
/// </summary>
public static class SearchText
{
    public static bool Like(string? value, string pattern) =>
        throw new InvalidOperationException($"{nameof(SearchText)}.{nameof(Like)} is translated to SQL; it does not run in memory.");

    internal static void Map(ModelBuilder builder, bool postgres) =>
        builder.HasDbFunction(typeof(SearchText).GetMethod(nameof(Like))!).HasTranslation(args =>
        {
            var (value, pattern) = (args[0], args[1]);
            var escape = new SqlConstantExpression("\\", pattern.TypeMapping);
            return postgres
                ? new LikeExpression(Lower(value), Lower(pattern), escape, null)
                : new LikeExpression(value, pattern, escape, null);
        });

    private static SqlFunctionExpression Lower(SqlExpression text) =>
        new("lower", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);
}
