using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace NspPortal.Cli.Commands;

/// <summary>Drives a running portal through its ARM API instead of opening the database: <c>--server</c> (environment
/// <c>NSP_SERVER</c>) and <c>--token</c> (<c>NSP_TOKEN</c>: a personal access token or the bootstrap token). The portal
/// then applies the caller's roles exactly as for any API call — a Reader's token cannot import.</summary>
internal sealed class ApiOptions
{
    /// <summary>The api-version the CLI speaks.</summary>
    public const string ApiVersion = "2025-05-01";

    public Option<string?> Server { get; } = new("--server") { Description = "Portal URL (e.g. http://localhost:5000): work through its API with --token instead of on the database. Default: NSP_SERVER." };

    public Option<string?> Token { get; } = new("--token") { Description = "Personal access token (or the bootstrap token) for --server. Default: NSP_TOKEN." };

    public void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
    }

    /// <summary>The client for the portal's API, or null when the command works on the database. An error message when
    /// a server is named without a token.</summary>
    public (HttpClient? Client, string? Error) Client(ParseResult parse)
    {
        var text = parse.GetValue(Server) ?? Environment.GetEnvironmentVariable("NSP_SERVER");
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            return (null, $"'{text}' is not the URL of a portal (http:// or https://, e.g. http://localhost:5000).");
        }

        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable("NSP_TOKEN");
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, "--server needs a token: pass --token or set NSP_TOKEN (create one in the portal: account menu › Personal access tokens).");
        }

        var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Trim());
        client.DefaultRequestHeaders.UserAgent.ParseAdd("nsp-cli/1.0");
        return (client, null);
    }

    /// <summary>"Code: message" of an ARM error body (or the status line when the body is not one).</summary>
    public static async Task<string> DescribeErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            if (JsonNode.Parse(body)?["error"] is JsonObject error)
            {
                var lines = new List<string> { $"{error["code"]}{(error["target"] is { } t ? $" at {t}" : "")}: {error["message"]}" };
                if (error["details"] is JsonArray details)
                {
                    lines.AddRange(details.Skip(1).OfType<JsonObject>().Select(d => $"  {d["code"]}{(d["target"] is { } dt ? $" at {dt}" : "")}: {d["message"]}"));
                }

                return string.Join(Environment.NewLine, lines);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // not JSON: fall through to the status line
        }

        return $"{(int)response.StatusCode} {response.ReasonPhrase}";
    }
}
