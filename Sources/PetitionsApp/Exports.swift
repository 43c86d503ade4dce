// The use cases speak in the domain's values, the rules' findings and the report's documents: a front end that
// imports PetitionsApp gets those vocabularies with it, and nothing of the store.
@_exported import PetitionsDomain
@_exported import PetitionsReport
@_exported import PetitionsRules
