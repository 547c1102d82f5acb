using System.Reflection;
using Xunit.v3;

namespace IncidentDesk.Testing;

/// <summary>
/// The tests under this attribute (an assembly, a class or one test) start the named servers themselves. On a machine
/// without one of them each such test is reported as skipped, with the reason and the line that installs it, instead of
/// failing somewhere inside a fixture. The fixtures check <see cref="TestServers.AreAvailable"/> and start nothing then.
/// CI counts a skip as a failure (<c>.ci/run</c>), so there every test still has to run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequiresAttribute(params TestServer[] servers) : BeforeAfterTestAttribute
{
    public IReadOnlyList<TestServer> Servers { get; } = servers;

    public override void Before(MethodInfo methodUnderTest, IXunitTest test)
    {
        var missing = Servers.Select(TestServers.Missing).OfType<string>().ToList();
        if (missing.Count > 0)
        {
            Assert.Skip(string.Join(" | ", missing));
        }
    }
}

public static partial class TestServers
{
    static partial void SkipCurrentTest(string reason) => Assert.Skip(reason);
}
