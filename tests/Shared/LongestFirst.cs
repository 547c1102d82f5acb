using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace IncidentDesk.Testing;

/// <summary>
/// Marks a test class (or a collection definition) whose tests take minutes: <see cref="LongestFirstOrderer"/> starts it
/// before the short ones. xUnit runs as many collections at once as there are cores and keeps a collection on its slot
/// until its last test ends, so a long collection that happens to start late ends the whole run late.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StartsFirstAttribute : Attribute;

/// <summary>
/// Orders the collections of a test assembly: those with <see cref="StartsFirstAttribute"/> first (in name order, so the
/// run is the same every time), then the others as xUnit would order them.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    private static readonly Lazy<HashSet<string>> Marked = new(() =>
        Assembly.GetEntryAssembly()?.GetTypes()
            .Where(t => t.GetCustomAttribute<StartsFirstAttribute>() is not null)
            .Select(t => t.FullName!)
            .ToHashSet(StringComparer.Ordinal) ?? []);

    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections.OrderBy(c => StartsFirst(c) ? 0 : 1).ThenBy(c => StartsFirst(c) ? c.TestCollectionDisplayName : "", StringComparer.Ordinal)];

    /// <summary>
    /// A defined collection names its definition class; a class's own collection only carries the class in its display
    /// name, "Test collection for Namespace.Class (id: …)".
    /// </summary>
    private static bool StartsFirst(ITestCollection collection) =>
        (collection.TestCollectionClassName is { } definition && Marked.Value.Contains(definition))
        || Marked.Value.Any(type => collection.TestCollectionDisplayName == $"Test collection for {type}"
            || collection.TestCollectionDisplayName.StartsWith($"Test collection for {type} (", StringComparison.Ordinal));
}
