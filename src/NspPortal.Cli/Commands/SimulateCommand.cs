using System.CommandLine;
using NspPortal.Data.Traffic;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp simulate --days 14 [--seed n]</c>: realistic NSP access logs for the resources in the portal's
/// database — admitted callers, would-be-denied callers that only the resources' own firewalls admit, denied ones,
/// outbound calls — evaluated by the engine and stored with their rollups. Prints <c>{"imported":N}</c>.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "Days of traffic ending now (1–90).", DefaultValueFactory = _ => 14 };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed and hour give the same traffic).", DefaultValueFactory = _ => 7 };
        var database = new DatabaseOptions();
        var command = new Command("simulate", "Generate realistic NSP access logs for the portal's resources (demo traffic).");
        command.Options.Add(days);
        command.Options.Add(seed);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var n = parse.GetValue(days);
            if (n is < 1 or > 90)
            {
                await error.WriteLineAsync("nsp simulate: --days must be between 1 and 90.");
                return 2;
            }

            await using var db = DatabaseOptions.Open(database.Settings(parse));
            var stored = await TrafficSimulator.SimulateAsync(db, n, seed: parse.GetValue(seed), cancellationToken: cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{{\"imported\":{stored}}}");
            return 0;
        });
        return command;
    }
}
