using NspPortal.Data.Security;
using NspPortal.Data;
using NspPortal.Web.Arm;
using NspPortal.Web.Components;
using NspPortal.Web.Features.AccessControl;
using NspPortal.Web.Features.AccessRules;
using NspPortal.Web.Features.Account;
using NspPortal.Web.Features.CreatePerimeter;
using NspPortal.Web.Features.Perimeters.Tags;
using NspPortal.Web.Features.Perimeters;
using NspPortal.Web.Features.Profiles;
using NspPortal.Web.Features.Traffic;
using NspPortal.Web.Features.Transition;
using NspPortal.Web.Hosting;
using NspPortal.Web.Security.Authentication;
using NspPortal.Web.Security.Authorization;
using NspPortal.Web.Security.DataProtection;
using NspPortal.Web.Security.Hardening;
using NspPortal.Web.Security.Tokens;

var builder = WebApplication.CreateBuilder(args);

var database = DatabaseSettings.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddSingleton(database);
builder.Services.AddDbContext<NspDbContext>(options => options.UseNspDatabase(database));
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddRazorComponents();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<HtmxRequest>();
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "nsp-af";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    o.Cookie.SameSite = SameSiteMode.Strict;
    o.Cookie.HttpOnly = true;
});

// Security: who (cookie or bearer token), what (roles per scope), keys shared by instances, limits, probes.
builder.Services.AddNspAuthentication(builder.Configuration);
builder.Services.AddNspAuthorization();
builder.Services.AddNspDataProtection();
builder.Services.AddNspRateLimits(builder.Configuration);
builder.Services.AddNspHealthChecks();
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.Services.AddNspForwardedHeaders(builder.Configuration);
builder.Services.AddScoped<FirstOwner>();
builder.Services.AddScoped<RoleAssignments>();
builder.Services.AddScoped<PersonalAccessTokens>();
builder.Services.AddScoped<UserAdministration>();
builder.Services.AddSingleton<WizardDeployments>();
builder.Services.AddArmApi(builder.Configuration);
builder.Services.AddNspTraffic();

var app = builder.Build();

await DatabaseStartup.InitializeAsync(app);
StartupBanner.Register(app);
GracefulShutdown.Register(app);

if (ForwardedHeadersSetup.Enabled(app.Configuration))
{
    app.UseForwardedHeaders();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseSecurityHeaders();
// Browser pages get a status blade (not found, access denied, …); API paths keep their own (JSON) error bodies.
// Only for GET/HEAD: re-running a POST against the status page would look like a form post to it.
app.UseWhen(
    context => !PortalPaths.IsApi(context.Request.Path) && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)),
    branch => branch.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
app.UseArmErrorBodies();
app.UseHtmxVary();
app.UseNulCharacterGuard();
app.UseRouting(); // after the status-code pages, so a re-executed request is routed again
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: the API is limited per caller
app.UseAuthorization();
app.UseAntiforgery();
app.UseAntiforgeryGuard();
app.UseQueryParameterGuard();
app.MapStaticAssets().AllowAnonymous();
app.MapNspHealthChecks();
app.MapAccountEndpoints();
app.MapPerimeterTags();
app.MapTransition();
app.MapWizardValidation();
app.MapProfileEditors();
app.MapAccessRuleEditors();
app.MapPerimeterBlade();
app.MapTrafficImport();
app.MapRoleAssignmentsApi();
app.MapRazorComponents<App>();
app.MapArmApi();

await app.RunAsync();

/// <summary>Entry point; public so integration tests can start the portal with <c>WebApplicationFactory</c>.</summary>
public partial class Program;
