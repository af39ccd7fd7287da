export { PlacementFields, type Placement } from './components/PlacementFields'
export { SlurmJobInfo } from './components/SlurmJobInfo'
