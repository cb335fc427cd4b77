"""French for the bundled model's provider entry (provider.py). The model's own
help and parameter texts are data of resources/models/atlas_chain.model3 and stay English."""
MESSAGES = {
    "Atlas chain (import to atlas page)": "Chaîne de l'atlas (de l'import à la page d'atlas)",
}
