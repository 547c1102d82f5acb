using System.Reflection;
using Xunit.v3;

namespace IncidentDesk.EndToEndTests;

/// <summary>After each test, closes the browser contexts it opened through <see cref="BrowserFixture"/>.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class CloseBrowserContextsAttribute : BeforeAfterTestAttribute
{
    // xUnit's hook is synchronous: the closing runs off the test's synchronization context, so waiting for it cannot deadlock.
    public override void After(MethodInfo methodUnderTest, IXunitTest test) =>
        Task.Run(() => BrowserFixture.CloseContextsOfAsync(test.UniqueID).AsTask()).GetAwaiter().GetResult();
}
