using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;

namespace IncidentDesk.Web.Tests.Infrastructure;

/// <summary>A host environment without a web root, for services (the evidence store) that check they write outside it.</summary>
internal sealed class NoWebRoot : IWebHostEnvironment
{
    public string WebRootPath { get; set; } = "";
    public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
    public string ApplicationName { get; set; } = "IncidentDesk.Web.Tests";
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    public string ContentRootPath { get; set; } = Path.GetTempPath();
    public string EnvironmentName { get; set; } = "Testing";
}
