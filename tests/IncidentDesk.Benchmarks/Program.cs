namespace IncidentDesk.Benchmarks;

// The harness prints Markdown tables ready for the README's Performance section. Each figure is measured next to its floor
// (the same work done the barest way: raw SQL, a bare hub broadcast) in the same run, on the same machine.
internal static class Harness
{
    public static async Task<int> Main(string[] args)
    {
        var what = args.FirstOrDefault() ?? "all";
        if (what is not ("all" or "campaign" or "matrix" or "hub"))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project tests/IncidentDesk.Benchmarks -- [all|campaign|matrix|hub]");
            return 2;
        }

        await using var federation = await FederationRun.StartAsync();
        Console.WriteLine($"IncidentDesk figures · {Environment.ProcessorCount} cores · {federation.CoopCount} co-ops · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine(Figure.Header);
        if (what is "all" or "campaign")
        {
            await CampaignFigures.RunAsync(federation);
        }

        if (what is "all" or "matrix")
        {
            await MatrixFigures.RunAsync(federation);
        }

        if (what is "all" or "hub")
        {
            await HubFigures.RunAsync(federation);
        }

        return 0;
    }
}
