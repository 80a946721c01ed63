# NspPortal container image. Built by docker-compose.yml for team deployments on PostgreSQL; runs on SQLite by
# default (data in /data) when started alone.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# node + npm for the front-end bundle (wwwroot-assets), built by MSBuild during publish.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/NspPortal.Web -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown app /data
ENV ASPNETCORE_URLS=http://+:8080 \
    Database__Provider=Sqlite \
    Database__SqlitePath=/data/nspportal.db
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "NspPortal.Web.dll"]
