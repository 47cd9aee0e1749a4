// The Worker's entry point: the API, beside the add-in's static files served by Workers Static Assets.
import { createApp } from './app'

export default createApp()
