using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Data.Security;

namespace NspPortal.TestSupport;

/// <summary>The whole portal, started in-process on its own throw-away database (seeded with the demo tenant
/// unless told otherwise), with one Owner account (<see cref="OwnerEmail"/>) created at startup the way production does
/// it (<c>NspPortal:Auth:BootstrapAdmin</c>). Clients talk https://localhost, so the portal's Secure cookies flow.
/// <list type="bullet">
/// <item><c>await factory.CreateSignedInClientAsync()</c> — signed in as the Owner through the real sign-in form;</item>
/// <item><c>await factory.CreateSignedInClientAsync(NspRole.Reader, NspScope.Subscription(id))</c> — a user holding just
/// that role (created on first use);</item>
/// <item><c>factory.CreateAnonymousClient()</c> — nobody signed in;</item>
/// <item><c>factory.CreateApiClient()</c> — the API with the bootstrap token; <c>await factory.CreateApiClientAsync(NspRole.Reader)</c>
/// — the API with a personal access token of a Reader.</item>
/// </list>
/// <see cref="StartKestrel"/> serves it on a random loopback port for a real browser.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>The Owner at <c>/</c> every test portal starts with.</summary>
    public const string OwnerEmail = "owner@nspportal.test";

    /// <summary>The password of every account the test helpers create.</summary>
    public const string Password = "correct-horse-battery-staple";

    /// <summary>The API's bootstrap token in every test portal (<c>NspPortal:Api:BootstrapToken</c>): Owner at <c>/</c>.</summary>
    public const string BootstrapToken = "test-bootstrap-token";

    private readonly bool seed;
    private readonly bool ownsDatabase;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IWebHostBuilder>? configureHost;
    private readonly ConcurrentDictionary<string, Lazy<Task<Cookie>>> signInCookies = new(StringComparer.OrdinalIgnoreCase);

    private PortalFactory(TestDatabase database, bool seed, IDictionary<string, string?>? settings, Action<IWebHostBuilder>? configureHost, bool ownsDatabase = true)
    {
        Database = database;
        this.seed = seed;
        this.ownsDatabase = ownsDatabase;
        this.configureHost = configureHost;
        this.settings = new(settings ?? new Dictionary<string, string?>());
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public TestDatabase Database { get; }

    /// <summary>Creates the database and the factory; the host starts on first use. <paramref name="settings"/> override
    /// configuration (e.g. <c>["NspPortal:Auth:BootstrapAdmin:Email"] = ""</c> for a portal without any account);
    /// <paramref name="configureHost"/> adjusts the host further (logging providers, test services).</summary>
    public static async Task<PortalFactory> CreateAsync(bool seed = true, IDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configureHost = null) =>
        new(await TestDatabase.CreateAsync(migrate: false), seed, settings, configureHost);

    /// <summary>A second portal instance on the same database (a scale-out test); it leaves the database to this one.</summary>
    public PortalFactory CreateSecondInstance(IDictionary<string, string?>? settings = null) =>
        new(Database, seed: false, settings ?? this.settings, configureHost, ownsDatabase: false);

    /// <summary>Serves the portal over real HTTP on 127.0.0.1 and returns its base address (for Playwright).</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    /// <summary>A client for the ARM API: <c>Authorization: Bearer</c> with the bootstrap token.</summary>
    public HttpClient CreateArmClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BootstrapToken);
        return client;
    }

    /// <summary>Adds a subscription (the API cannot create them, as in Azure) and returns its id.</summary>
    public async Task<Guid> AddSubscriptionAsync(Guid? id = null, string displayName = "Test subscription")
    {
        var subscription = id ?? Guid.NewGuid();
        await using var db = CreateDbContext();
        db.Subscriptions.Add(new NspPortal.Data.Entities.SubscriptionEntity { Id = subscription, DisplayName = displayName, TenantId = Guid.Empty });
        await db.SaveChangesAsync();
        return subscription;
    }

    /// <summary>A database context on the portal's database, for arranging and checking data.</summary>
    public NspDbContext CreateDbContext() => Database.CreateContext();

    /// <summary>A client signed in through the real sign-in form as a user who holds <paramref name="role"/> at
    /// <paramref name="scope"/> (default: the Owner at <c>/</c>). Each user signs in once per factory; later clients
    /// reuse the session cookie.</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(NspRole role = NspRole.Owner, NspScope? scope = null, bool allowAutoRedirect = true)
    {
        var email = await EnsureUserAsync(role, scope ?? NspScope.Root);
        return CreateClientWithCookie(await SessionCookieAsync(email), allowAutoRedirect);
    }

    /// <summary>A client signed in as the account <paramref name="email"/> (password <see cref="Password"/>).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string email, bool allowAutoRedirect = true) =>
        CreateClientWithCookie(await SessionCookieAsync(email), allowAutoRedirect);

    /// <summary>An API client (<c>Authorization: Bearer</c>) with the bootstrap token, or with <paramref name="token"/>.</summary>
    public HttpClient CreateApiClient(string token = BootstrapToken)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An API client with a personal access token of a user holding <paramref name="role"/> at
    /// <paramref name="scope"/> (default: the Owner at <c>/</c>), created through the Personal access tokens page.</summary>
    public async Task<HttpClient> CreateApiClientAsync(NspRole role = NspRole.Owner, NspScope? scope = null) =>
        CreateApiClient(await CreatePersonalAccessTokenAsync(await EnsureUserAsync(role, scope ?? NspScope.Root)));

    /// <summary>Creates a personal access token for <paramref name="email"/> through the real form and returns the secret
    /// the page shows once.</summary>
    public async Task<string> CreatePersonalAccessTokenAsync(string email, string name = "test token", int lifetimeDays = 30)
    {
        using var client = await CreateSignedInClientAsync(email);
        using var response = await client.SubmitFormAsync("/account/tokens", "form.inline-form", new Dictionary<string, string>
        {
            ["NewToken.Name"] = name,
            ["NewToken.LifetimeDays"] = lifetimeDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("#new-token")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No token was shown: HTTP {(int)response.StatusCode}");
    }

    /// <summary>Issues a personal access token for <paramref name="email"/> through the token service rather than the form —
    /// for portals served on Kestrel (<see cref="StartKestrel"/>), whose in-memory test client is not available.</summary>
    public async Task<string> IssuePersonalAccessTokenAsync(string email, string name = "test token", int lifetimeDays = 30)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<NspUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<NspPortal.Web.Security.Tokens.PersonalAccessTokens>().CreateAsync(user.Id, name, lifetimeDays);
        return secret;
    }

    /// <summary>A client with nobody signed in (https://localhost, cookies kept).</summary>
    public HttpClient CreateAnonymousClient(bool allowAutoRedirect = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = allowAutoRedirect });

    /// <summary>The e-mail of a test user holding exactly <paramref name="role"/> at <paramref name="scope"/>, created on
    /// first use (the Owner at <c>/</c> is <see cref="OwnerEmail"/>).</summary>
    public async Task<string> EnsureUserAsync(NspRole role, NspScope scope)
    {
        if (role == NspRole.Owner && scope.IsRoot)
        {
            _ = Services;
            return OwnerEmail;
        }

        var email = $"{role}.{(scope.SubscriptionId is { } id ? id.ToString("N")[..8] : "root")}@nspportal.test".ToLowerInvariant();
        await EnsureUserAsync(email, (role, scope));
        return email;
    }

    /// <summary>Creates the account <paramref name="email"/> (password <see cref="Password"/>) with the given roles unless it
    /// exists. No role at all is allowed: a user nobody assigned anything to.</summary>
    public async Task EnsureUserAsync(string email, params (NspRole Role, NspScope Scope)[] roles)
    {
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NspUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new NspUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        var assignments = scope.ServiceProvider.GetRequiredService<RoleAssignments>();
        foreach (var (role, at) in roles)
        {
            await assignments.AssignAsync(user.Id, at, role, "test");
        }
    }

    /// <summary>A client that sends <paramref name="cookie"/> (and keeps the cookies it is given, in
    /// <paramref name="container"/> when the test wants to look at them).</summary>
    public HttpClient CreateClientWithCookie(Cookie cookie, bool allowAutoRedirect = true, CookieContainer? container = null)
    {
        container ??= new CookieContainer();
        container.Add(ClientOptions.BaseAddress, cookie);
        var cookies = new CookieContainerHandler(container);
        return allowAutoRedirect
            ? CreateDefaultClient(ClientOptions.BaseAddress, new RedirectHandler(), cookies)
            : CreateDefaultClient(ClientOptions.BaseAddress, cookies);
    }

    /// <summary>The session cookie of <paramref name="email"/>, from signing in through the form once.</summary>
    public Task<Cookie> SessionCookieAsync(string email) =>
        signInCookies.GetOrAdd(email, e => new Lazy<Task<Cookie>>(() => SignInThroughFormAsync(e))).Value;

    private async Task<Cookie> SignInThroughFormAsync(string email)
    {
        var container = new CookieContainer();
        using var client = CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(container));
        using var response = await client.SubmitFormAsync("/signin", "form.auth-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        var cookie = container.GetAllCookies().FirstOrDefault(c => c.Name == "nsp-auth");
        if (response.StatusCode != HttpStatusCode.Redirect || cookie is null)
        {
            throw new InvalidOperationException($"Signing in as {email} failed: HTTP {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        }

        return cookie;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Settings.Provider.ToString());
        builder.UseSetting("ConnectionStrings:NspPortal", Database.Settings.ConnectionString);
        builder.UseSetting("Database:SeedDemoData", seed ? "true" : "false");
        builder.UseSetting("NspPortal:Auth:BootstrapAdmin:Email", OwnerEmail);
        builder.UseSetting("NspPortal:Auth:BootstrapAdmin:Password", Password);
        builder.UseSetting("NspPortal:Api:BootstrapToken", BootstrapToken);
        // Many tests sign in from the same (in-process) address; the rate-limit tests set their own limits.
        builder.UseSetting("NspPortal:RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("NspPortal:RateLimits:Api:PermitsPerSecond", "100000");
        builder.UseSetting("NspPortal:RateLimits:Api:Burst", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        configureHost?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
