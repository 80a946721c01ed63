using System.CommandLine;
using System.Text.Json.Nodes;
using NspPortal.Data.Representation;
using NspPortal.Data.Services;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp import --subscription &lt;guid&gt; --resource-group &lt;rg&gt; --file &lt;path|-&gt; [--parameter name=value]</c>:
/// imports an ARM template or a JSON array of ARM resources into a resource group in one transaction (the same import
/// as the API's <c>importNsp</c>).</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var subscription = new Option<Guid>("--subscription") { Description = "Subscription of the target resource group.", Required = true };
        var group = new Option<string>("--resource-group", "-g") { Description = "Target resource group (must exist).", Required = true };
        var file = new Option<string>("--file", "-f") { Description = "Template or resource list to import; '-' reads standard input.", Required = true };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "Template parameter value, name=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var database = new DatabaseOptions();
        var api = new ApiOptions();
        var command = new Command("import", "Import an ARM template or a JSON array of ARM resources into a resource group.");
        command.Options.Add(subscription);
        command.Options.Add(group);
        command.Options.Add(file);
        command.Options.Add(parameters);
        database.AddTo(command);
        api.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            var json = path == "-" ? await Console.In.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(path, cancellationToken);
            var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in parse.GetValue(parameters) ?? [])
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    await error.WriteLineAsync($"'{pair}' is not name=value.");
                    return 2;
                }

                values[pair[..equals]] = JsonValue.Create(pair[(equals + 1)..]);
            }

            var (client, clientError) = api.Client(parse);
            if (clientError is not null)
            {
                await error.WriteLineAsync(clientError);
                return 2;
            }

            if (client is not null)
            {
                using (client)
                {
                    return await ImportThroughApiAsync(client, parse.GetValue(subscription), parse.GetRequiredValue(group), json, values, output, error, cancellationToken);
                }
            }

            await using var db = DatabaseOptions.Open(database.Settings(parse));
            var result = await new TemplateService(db).ImportAsync(parse.GetValue(subscription), parse.GetRequiredValue(group), json, values, DatabaseOptions.Caller, cancellationToken);
            if (!result.Succeeded)
            {
                await error.WriteLineAsync($"{result.Error!.Code}{(result.Error.Target is null ? "" : $" at {result.Error.Target}")}: {result.Error.Message}");
                foreach (var detail in result.Error.Details.Skip(1))
                {
                    await error.WriteLineAsync($"  {detail.Code}{(detail.Target is null ? "" : $" at {detail.Target}")}: {detail.Message}");
                }

                await error.WriteLineAsync("Nothing was imported.");
                return 1;
            }

            foreach (var resource in result.Value!.Resources)
            {
                await output.WriteLineAsync($"{ResourceIds.TypeOf(resource)}  {ResourceIds.Of(resource)}");
            }

            foreach (var warning in result.Value.Warnings)
            {
                await error.WriteLineAsync($"warning: {warning}");
            }

            await output.WriteLineAsync($"Imported {result.Value.Resources.Count} resource(s) into resource group '{parse.GetRequiredValue(group)}'.");
            return 0;
        });
        return command;
    }

    /// <summary>POST …/resourceGroups/{rg}/importNsp: the portal checks the caller's role (Write at the subscription) and
    /// imports in one transaction, exactly as for the database path.</summary>
    private static async Task<int> ImportThroughApiAsync(HttpClient client, Guid subscription, string group, string json, Dictionary<string, JsonNode?> values,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var body = json;
        if (values.Count > 0)
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in values)
            {
                parameters[name] = new JsonObject { ["value"] = value?.DeepClone() };
            }

            body = new JsonObject { ["template"] = JsonNode.Parse(json), ["parameters"] = parameters }.ToJsonString();
        }

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"/subscriptions/{subscription:D}/resourceGroups/{Uri.EscapeDataString(group)}/importNsp?api-version={ApiOptions.ApiVersion}", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            await error.WriteLineAsync(await ApiOptions.DescribeErrorAsync(response, cancellationToken));
            await error.WriteLineAsync("Nothing was imported.");
            return 1;
        }

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var resources = answer?["value"] as JsonArray ?? [];
        foreach (var resource in resources.OfType<JsonObject>())
        {
            await output.WriteLineAsync($"{resource["type"]}  {resource["id"]}");
        }

        foreach (var warning in answer?["warnings"] as JsonArray ?? [])
        {
            await error.WriteLineAsync($"warning: {warning}");
        }

        await output.WriteLineAsync($"Imported {resources.Count} resource(s) into resource group '{group}'.");
        return 0;
    }
}
